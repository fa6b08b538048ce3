import {
  alternativeKey,
  claim,
  liveIndexOf,
  liveKeyForPod,
  storedSpellings,
} from './liveIndex';

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
    expect(ciphers.texts).toEqual(['a', 'a']);
    expect(ciphers.servedBy).toBe(2);
    const hostname = index.keys.get('server.hostname')!;
    expect(hostname.texts[1]).toBeUndefined();
    expect(hostname.servedBy).toBe(1);
  });

  it('remembers per pod the spellings a key is stored under, the first in key order serving the value', () => {
    const index = liveIndexOf([
      { 'k.0001': 'file', 'k.1': 'webadmin', plain: 'x' },
      { 'k.1': 'webadmin' },
    ]);
    const k = index.keys.get('k.1')!;
    expect(k.texts).toEqual(['file', 'webadmin']);
    expect(k.sources?.[0]).toEqual(['k.0001', 'k.1']);
    expect(k.sources?.[1]).toBeUndefined();
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
    expect(index.keys.get('a.2.b')!.texts).toEqual(['1', '1', '2']);
    expect(index.keys.get('a.2.b')!.sources).toEqual([
      ['a.0002.b'],
      undefined,
      ['a.02.b'],
    ]);
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
});
