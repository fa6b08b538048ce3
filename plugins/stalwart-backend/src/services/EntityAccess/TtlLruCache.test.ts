import { TtlLruCache } from './TtlLruCache';

describe('TtlLruCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000;
  });

  it('serves an entry until its time to live has passed, then forgets it', () => {
    const cache = new TtlLruCache<string>({ ttlMs: 100, maxEntries: 10, now });
    cache.set('a', 'first');
    clock += 99;
    expect(cache.get('a')).toBe('first');
    clock += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('counts the time to live from the last set, not from a read', () => {
    const cache = new TtlLruCache<string>({ ttlMs: 100, maxEntries: 10, now });
    cache.set('a', 'first');
    clock += 60;
    cache.get('a');
    clock += 60;
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'second');
    clock += 60;
    expect(cache.get('a')).toBe('second');
  });

  it('evicts the least recently used entry beyond its size', () => {
    const cache = new TtlLruCache<number>({ ttlMs: 1_000, maxEntries: 2, now });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('holds nothing when its time to live is zero', () => {
    const cache = new TtlLruCache<number>({ ttlMs: 0, maxEntries: 2, now });
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets a deleted entry at once', () => {
    const cache = new TtlLruCache<number>({ ttlMs: 1_000, maxEntries: 2, now });
    cache.set('a', 1);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
