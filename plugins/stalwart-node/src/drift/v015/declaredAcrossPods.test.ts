import { declaredAcrossPods } from './declaredAcrossPods';
import { declaredSideFor } from './declaredSide';

const TOML = '[cluster]\nnode-id = __NODE_ID__\n[server]\nhostname = "mx"\n';

describe('declaredAcrossPods', () => {
  it('lists each declared key once, with every pod’s own substituted entry', () => {
    const sides = ['0', '1'].map(id =>
      declaredSideFor(TOML, { __NODE_ID__: id }),
    );
    const keys = declaredAcrossPods(sides);
    expect(keys.map(k => k.key)).toEqual([
      'cluster.node-id',
      'server.hostname',
    ]);
    const nodeId = keys[0];
    expect(nodeId.alternative).toBe('cluster.node-id.0');
    expect(nodeId.perPod.map(e => e?.text)).toEqual(['0', '1']);
    expect(keys[1].perPod.map(e => e?.text)).toEqual(['mx', 'mx']);
  });

  it('leaves a pod’s entry empty when its substitution renders the key away', () => {
    const toml = '[server]\n__EXTRA__ = "x"\nhostname = "mx"\n';
    const sides = [
      declaredSideFor(toml, { __EXTRA__: 'only-a' }),
      declaredSideFor(toml, { __EXTRA__: 'only-b' }),
    ];
    const keys = declaredAcrossPods(sides);
    // The first pod's keys in its file's (sorted) order, then the keys only later pods declare.
    expect(keys.map(k => k.key)).toEqual([
      'server.hostname',
      'server.only-a',
      'server.only-b',
    ]);
    expect(keys[1].perPod[1]).toBeUndefined();
    expect(keys[2].perPod[0]).toBeUndefined();
    expect(keys[2].perPod[1]?.text).toBe('x');
  });

  it('returns the same merge for the same sides and a new one when any pod’s side differs', () => {
    const a = declaredSideFor(TOML, { __NODE_ID__: '0' });
    const b = declaredSideFor(TOML, { __NODE_ID__: '1' });
    const c = declaredSideFor(TOML, { __NODE_ID__: '2' });
    const first = declaredAcrossPods([a, b]);
    expect(declaredAcrossPods([a, b])).toBe(first);
    const other = declaredAcrossPods([a, c]);
    expect(other).not.toBe(first);
    expect(other[0].perPod.map(e => e?.text)).toEqual(['0', '2']);
    expect(declaredAcrossPods([])).toEqual([]);
  });
});
