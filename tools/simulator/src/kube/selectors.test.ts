import { parseFieldSelector, parseLabelSelector } from './selectors';

const pod = (labels: Record<string, string>) => ({
  metadata: { name: 'p', namespace: 'n', labels },
});

describe('parseLabelSelector', () => {
  it.each([
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'db' }, false],
    ['app!=web', {}, true],
    ['tier in (a, b),app', { tier: 'b', app: 'x' }, true],
    ['tier notin (a,b)', { tier: 'a' }, false],
    ['!canary', { canary: 'yes' }, false],
    [
      'app.kubernetes.io/instance=stalwart',
      { 'app.kubernetes.io/instance': 'stalwart' },
      true,
    ],
  ])('matches %s against %j: %s', (selector, labels, expected) => {
    expect(parseLabelSelector(selector)(pod(labels))).toBe(expected);
  });

  it('refuses syntax the apiserver refuses', () => {
    expect(() => parseLabelSelector('app in web')).toThrow(/unable to parse/);
  });
});

describe('parseFieldSelector', () => {
  it('filters on metadata.name and metadata.namespace', () => {
    expect(
      parseFieldSelector('metadata.name=p,metadata.namespace!=other')(pod({})),
    ).toBe(true);
    expect(parseFieldSelector('metadata.namespace=other')(pod({}))).toBe(false);
  });

  it('rejects other fields', () => {
    expect(() => parseFieldSelector('status.phase=Running')).toThrow(
      /not a known field selector/,
    );
  });
});
