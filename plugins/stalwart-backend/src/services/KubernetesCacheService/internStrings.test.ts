import { internStrings } from './internStrings';

describe('internStrings', () => {
  it('keeps every value of a nested object, arrays included, and returns the same object', () => {
    const parse = () =>
      JSON.parse(
        JSON.stringify({
          metadata: {
            uid: 'a1',
            labels: { 'app.kubernetes.io/name': 'stalwart' },
          },
          spec: { containers: [{ image: 'stalwart:v0.15', ports: [25, 'x'] }] },
          data: { 'config.toml': 'k = 1\n'.repeat(100) },
          status: {
            conditions: [{ type: 'Ready', status: 'True' }],
            empty: null,
          },
        }),
      );
    const object = parse();

    const interned = internStrings(object);

    expect(interned).toBe(object);
    expect(interned).toEqual(parse());
  });

  it('leaves strings and empty values alone at the top', () => {
    expect(internStrings('Ready')).toBe('Ready');
    expect(internStrings(null)).toBeNull();
    expect(internStrings(undefined)).toBeUndefined();
  });
});
