import { parseLabelSelector } from './labelSelector';

const labelled = (labels: Record<string, string>) => ({ metadata: { labels } });

describe('parseLabelSelector', () => {
  it('matches a set-based selector on any of its values', () => {
    const matches = parseLabelSelector(
      'app.kubernetes.io/name in (antigenic-stalwart-helm-chart,stalwart)',
    );
    expect(matches(labelled({ 'app.kubernetes.io/name': 'stalwart' }))).toBe(
      true,
    );
    expect(matches(labelled({ 'app.kubernetes.io/name': 'grafana' }))).toBe(
      false,
    );
    expect(matches({ metadata: {} })).toBe(false);
  });

  it('requires every requirement of an equality selector', () => {
    const matches = parseLabelSelector('a=1,b!=2');
    expect(matches(labelled({ a: '1' }))).toBe(true);
    expect(matches(labelled({ a: '1', b: '2' }))).toBe(false);
  });

  it('refuses syntax the apiserver refuses', () => {
    expect(() => parseLabelSelector('app in web')).toThrow(/unable to parse/);
  });
});
