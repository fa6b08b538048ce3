/**
 * A map whose entries expire `ttlMs` after they were set and which never holds more than
 * `maxEntries`: past that, the least recently used entry goes first.
 */
export class TtlLruCache<V> {
  // A Map iterates in insertion order: re-inserting on each hit keeps the oldest use first.
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
    },
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const { ttlMs, maxEntries } = this.options;
    if (ttlMs <= 0 || maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  /** Forgets `key`; with `onlyIf`, only while it still holds that value. */
  delete(key: string, onlyIf?: V): void {
    const entry = this.entries.get(key);
    if (entry && (onlyIf === undefined || entry.value === onlyIf)) {
      this.entries.delete(key);
    }
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }
}
