import {
  alternativeKey,
  claim,
  claimByAll,
  isClaimedBy,
  liveIndexOf,
  liveKeyForPod,
  servedAlikeByAll,
  storedSpellings,
  textOn,
  type LiveKey,
} from './liveIndex';

const textsOf = (live: LiveKey, pods: number) =>
  Array.from({ length: pods }, (_, pod) => textOn(live, pod));

describe('liveIndexOf', () => {
  it('folds every pod’s settings into one entry per comparison key, with the value each pod serves', () => {
    const index = liveIndexOf([
      { 'queue.tls.x.ciphers.0000': 'a', 'server.hostname': 'mx0' },
      { 'queue.tls.x.ciphers.0': 'a', 'relay.address': 'smtp' },
    ]);
    expect(index.pods).toBe(2);
    expect([...index.keys.keys()]).toEqual([
      'queue.tls.x.ciphers.0',
      'server.hostname',
      'relay.address',
    ]);
    const ciphers = index.keys.get('queue.tls.x.ciphers.0')!;
    expect(textsOf(ciphers, 2)).toEqual(['a', 'a']);
    expect(ciphers.servedBy).toBe(2);
    const hostname = index.keys.get('server.hostname')!;
    expect(textsOf(hostname, 2)).toEqual(['mx0', undefined]);
    expect(hostname.servedBy).toBe(1);
  });

  it('holds a value once while every pod serves it alike, and per pod from the first pod that differs or skips it', () => {
    const index = liveIndexOf([
      { same: 'x', differs: 'a', skipped: '1', late: 'l' },
      { same: 'x', differs: 'b', late: 'l' },
      { same: 'x', differs: 'a', skipped: '1' },
    ]);
    const entry = (key: string) => index.keys.get(key)!;
    expect(servedAlikeByAll(entry('same'), 3)).toBe(true);
    expect(entry('same').texts).toBeUndefined();
    expect(textsOf(entry('differs'), 3)).toEqual(['a', 'b', 'a']);
    expect(servedAlikeByAll(entry('differs'), 3)).toBe(false);
    expect(textsOf(entry('skipped'), 3)).toEqual(['1', undefined, '1']);
    expect(textsOf(entry('late'), 3)).toEqual(['l', 'l', undefined]);
    expect(servedAlikeByAll(entry('late'), 3)).toBe(false);
  });

  it('finds a later pod’s key by the first pod’s key order, and by lookup when the order differs', () => {
    const index = liveIndexOf([
      { a: '1', b: '2', c: '3' },
      { a: '1', c: '3', b: '2' },
      { b: '2', a: '1', 'c.0000': '3' },
    ]);
    // `c` and `c.0` stay two entries: the engine pairs them at lookup (`liveKeyForPod`).
    expect([...index.keys.keys()]).toEqual(['a', 'b', 'c', 'c.0']);
    for (const key of ['a', 'b'])
      expect(servedAlikeByAll(index.keys.get(key)!, 3)).toBe(true);
    expect(index.keys.get('c')!.servedBy).toBe(2);
    expect(index.keys.get('c.0')!.servedBy).toBe(1);
  });

  it('remembers per pod the spellings a key is stored under, the first in key order serving the value', () => {
    const index = liveIndexOf([
      { 'k.0001': 'file', 'k.1': 'webadmin', plain: 'x' },
      { 'k.1': 'webadmin' },
    ]);
    const k = index.keys.get('k.1')!;
    expect(textsOf(k, 2)).toEqual(['file', 'webadmin']);
    expect(storedSpellings(k, 0)).toEqual(['k.0001', 'k.1']);
    expect(storedSpellings(k, 1)).toEqual(['k.1']);
    expect(storedSpellings(index.keys.get('plain')!, 0)).toEqual(['plain']);
  });

  it('normalises a later pod’s key that the first pod spelled differently onto the same entry', () => {
    const index = liveIndexOf([
      { 'a.0002.b': '1' },
      { 'a.2.b': '1' },
      { 'a.02.b': '2' },
    ]);
    expect([...index.keys.keys()]).toEqual(['a.2.b']);
    const entry = index.keys.get('a.2.b')!;
    expect(textsOf(entry, 3)).toEqual(['1', '1', '2']);
    expect([0, 1, 2].map(pod => storedSpellings(entry, pod))).toEqual([
      ['a.0002.b'],
      ['a.2.b'],
      ['a.02.b'],
    ]);
  });

  it('shares one spelling list among the pods that store a key alike, so most keys hold one list', () => {
    const index = liveIndexOf([
      { 'bind.0000': 'a' },
      { 'bind.0000': 'a' },
      { 'bind.0': 'a' },
    ]);
    const entry = index.keys.get('bind.0')!;
    expect(storedSpellings(entry, 0)).toEqual(['bind.0000']);
    expect(storedSpellings(entry, 1)).toBe(storedSpellings(entry, 0));
    expect(storedSpellings(entry, 2)).toEqual(['bind.0']);
  });
});

describe('liveKeyForPod', () => {
  it('falls back to the other spelling per pod, since Stalwart reads a scalar k as k.0 (§2.4)', () => {
    const index = liveIndexOf([{ bind: '[::]:25' }, { 'bind.0': '[::]:25' }]);
    const primary = index.keys.get('bind.0');
    const other = index.keys.get(alternativeKey('bind.0'));
    expect(liveKeyForPod(primary, other, 0)?.key).toBe('bind');
    expect(liveKeyForPod(primary, other, 1)?.key).toBe('bind.0');
    expect(liveKeyForPod(undefined, undefined, 0)).toBeUndefined();
  });

  it('pairs k with k.0 and k.0 with k', () => {
    expect(alternativeKey('a.b')).toBe('a.b.0');
    expect(alternativeKey('a.b.0')).toBe('a.b');
    expect(alternativeKey('a.b.10')).toBe('a.b.10.0');
  });
});

describe('claim', () => {
  it('counts each pod once, however many declared spellings claim the entry', () => {
    const live = liveIndexOf([{ k: '1' }, { k: '1' }]).keys.get('k')!;
    claim(live, 1);
    claim(live, 1);
    expect(live.claimedBy?.[0]).toBeUndefined();
    expect(live.claimedBy?.[1]).toBe(true);
    expect(live.claims).toBe(1);
    claim(live, 0);
    expect(live.claims).toBe(2);
  });

  it('marks every serving pod at once, and a later claim changes nothing', () => {
    const live = liveIndexOf([{ k: '1' }, { k: '1' }]).keys.get('k')!;
    claimByAll(live);
    claim(live, 0);
    expect(live.claims).toBe(2);
    expect(isClaimedBy(live, 0) && isClaimedBy(live, 1)).toBe(true);
  });
});
