import {
  DEFAULT_DRIFT_CLASSES,
  parseDriftQuery,
  writeDriftQuery,
} from './driftQuery';

describe('drift query in the URL', () => {
  it('shows the default classes and no search when the URL says nothing', () => {
    const query = parseDriftQuery(new URLSearchParams());
    expect(query.search).toBe('');
    expect([...query.classes]).toEqual(DEFAULT_DRIFT_CLASSES);
    expect(writeDriftQuery(new URLSearchParams(), query).toString()).toBe('');
  });

  it('round-trips a search and a chosen set of classes, keeping other parameters', () => {
    const written = writeDriftQuery(new URLSearchParams('tab=mail'), {
      search: 'listener',
      classes: new Set(['missing-live', 'in-sync']),
    });
    expect(written.get('tab')).toBe('mail');
    const read = parseDriftQuery(new URLSearchParams(written.toString()));
    expect(read.search).toBe('listener');
    expect([...read.classes].sort()).toEqual(['in-sync', 'missing-live']);
  });

  it('drops class names it does not know and keeps an empty choice empty', () => {
    expect([
      ...parseDriftQuery(new URLSearchParams('driftClasses=bogus,missing-live'))
        .classes,
    ]).toEqual(['missing-live']);
    expect(
      parseDriftQuery(new URLSearchParams('driftClasses=')).classes.size,
    ).toBe(0);
  });
});
