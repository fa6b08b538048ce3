import { canonicalJson } from './canonical';

type Live = Record<string, Record<string, unknown>>;

const keyPart = (value: unknown) =>
  value !== null && typeof value === 'object'
    ? canonicalJson(value) ?? ''
    : String(value ?? '');

/**
 * A declared or live object's natural key: its `matchOn` fields' values joined by `/` (an
 * object-valued field, such as a certificate's file reference, in its canonical JSON).
 */
export const naturalKeyOf = (
  object: Record<string, unknown>,
  matchOn: string[],
) => matchOn.map(f => keyPart(object[f])).join('/');

/**
 * Live ids by natural key, built once per type and matchOn: scanning every live object for
 * every declared one made 500 declared listeners against 550 live ones quadratic.
 */
export class LiveIndex {
  private readonly byType = new Map<string, Map<string, string>>();

  constructor(private readonly registry: Record<string, Live>) {}

  /** The first live id (in registry order) whose natural key is `naturalKey`. */
  find(type: string, matchOn: string[], naturalKey: string) {
    const indexKey = JSON.stringify([type, matchOn]);
    let index = this.byType.get(indexKey);
    if (!index) {
      index = new Map();
      const live = this.registry[type];
      for (const liveId of Object.keys(live)) {
        const key = naturalKeyOf(live[liveId], matchOn);
        if (!index.has(key)) index.set(key, liveId);
      }
      this.byType.set(indexKey, index);
    }
    return index.get(naturalKey);
  }
}
