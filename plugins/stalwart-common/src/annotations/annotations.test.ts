import { isStalwartInstance, STALWART_ANNOTATIONS } from './annotations';

describe('isStalwartInstance', () => {
  it('recognises an entity that names a Stalwart release', () => {
    expect(
      isStalwartInstance({
        metadata: { annotations: { [STALWART_ANNOTATIONS.release]: 'mail' } },
      }),
    ).toBe(true);
  });

  it('rejects an entity without the release annotation', () => {
    expect(isStalwartInstance({ metadata: { annotations: {} } })).toBe(false);
    expect(isStalwartInstance({ metadata: {} })).toBe(false);
  });
});
