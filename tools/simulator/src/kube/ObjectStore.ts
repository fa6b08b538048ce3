import { ResourceType } from './resourceTypes';

/** A change as a watch delivers it. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resourceVersion: number;
  resource: ResourceType;
  object: any;
  /** For MODIFIED, the object before: watches with a selector need both to translate it. */
  previous?: any;
}

type Listener = (event: StoreEvent) => void;

const keyOf = (type: Pick<ResourceType, 'group' | 'plural'>) =>
  `${type.group}/${type.plural}`;
const nameKey = (namespace: string | undefined, name: string) =>
  `${namespace ?? ''}/${name}`;
const clone = <T>(value: T): T => structuredClone(value);

/**
 * One cluster's objects with etcd-like semantics: a single resourceVersion counter
 * bumped by every write, and a bounded event history from which watches resume;
 * events older than the history are "compacted" and answer 410 Gone.
 */
export class ObjectStore {
  private revision = 0;
  private compacted = 0;
  private readonly objects = new Map<string, Map<string, any>>();
  private history: StoreEvent[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly now: () => Date,
    private readonly maxHistory = 10_000,
  ) {}

  get resourceVersion(): number {
    return this.revision;
  }

  get compactedResourceVersion(): number {
    return this.compacted;
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): any | undefined {
    const found = this.objects.get(keyOf(type))?.get(nameKey(namespace, name));
    return found ? clone(found) : undefined;
  }

  /**
   * Objects of a kind in name order, optionally of one namespace and matching a predicate
   * (tested before copying, so a selective list of a large kind copies only what it returns).
   */
  list(
    type: ResourceType,
    namespace?: string,
    predicate: (object: any) => boolean = () => true,
  ): any[] {
    const all = [...(this.objects.get(keyOf(type))?.values() ?? [])];
    return all
      .filter(
        o =>
          (namespace === undefined || o.metadata.namespace === namespace) &&
          predicate(o),
      )
      .sort((a, b) =>
        nameKey(a.metadata.namespace, a.metadata.name).localeCompare(
          nameKey(b.metadata.namespace, b.metadata.name),
        ),
      )
      .map(clone);
  }

  /** Stores a new object, filling the metadata an apiserver fills. */
  create(type: ResourceType, object: any): any {
    const stored = clone(object);
    const metadata = (stored.metadata ??= {});
    metadata.uid ??= globalThis.crypto.randomUUID();
    metadata.creationTimestamp ??= this.now()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    if (stored.spec !== undefined && type.kind !== 'Pod')
      metadata.generation ??= 1;
    stored.apiVersion ??= type.group
      ? `${type.group}/${type.version}`
      : type.version;
    stored.kind ??= type.kind;
    return this.write('ADDED', type, stored);
  }

  /** Replaces a stored object; the caller decides generation and status semantics. */
  update(type: ResourceType, object: any): any {
    return this.write('MODIFIED', type, clone(object));
  }

  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): any | undefined {
    const bucket = this.objects.get(keyOf(type));
    const existing = bucket?.get(nameKey(namespace, name));
    if (!existing) return undefined;
    return this.write('DELETED', type, clone(existing));
  }

  /** Events for a kind after `resourceVersion`, or `undefined` when they were compacted. */
  eventsSince(
    type: ResourceType,
    resourceVersion: number,
  ): StoreEvent[] | undefined {
    if (resourceVersion < this.compacted) return undefined;
    const key = keyOf(type);
    return this.history
      .filter(
        e => e.resourceVersion > resourceVersion && keyOf(e.resource) === key,
      )
      .map(e => ({ ...e, object: clone(e.object) }));
  }

  /** Forgets all history, as etcd compaction after an apiserver restart would. */
  compact(): void {
    this.compacted = this.revision;
    this.history = [];
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(
    type: StoreEvent['type'],
    resource: ResourceType,
    object: any,
  ): any {
    this.revision += 1;
    object.metadata.resourceVersion = String(this.revision);
    const key = keyOf(resource);
    let bucket = this.objects.get(key);
    if (!bucket) this.objects.set(key, (bucket = new Map()));
    const id = nameKey(object.metadata.namespace, object.metadata.name);
    const previous = type === 'MODIFIED' ? bucket.get(id) : undefined;
    if (type === 'DELETED') bucket.delete(id);
    else bucket.set(id, object);

    const event: StoreEvent = {
      type,
      resourceVersion: this.revision,
      resource,
      object,
      ...(previous ? { previous } : {}),
    };
    this.history.push(event);
    if (this.history.length > this.maxHistory) {
      const dropped = this.history.splice(
        0,
        this.history.length - this.maxHistory,
      );
      this.compacted = dropped[dropped.length - 1].resourceVersion;
    }
    for (const listener of this.listeners) {
      listener({ ...event, object: clone(object) });
    }
    return clone(object);
  }
}
