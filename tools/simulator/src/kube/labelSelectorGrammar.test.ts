import { parseLabelSelector as productParser } from '@stalwart-backstage/plugin-stalwart-common';
import { parseLabelSelector as simulatorParser } from './selectors';

const LABEL_SETS: Array<Record<string, string>> = [
  {},
  { 'app.kubernetes.io/name': 'stalwart' },
  { 'app.kubernetes.io/name': 'stalwart-mail', tier: 'mail' },
  {
    'app.kubernetes.io/name': 'grafana',
    'stalwart.io/managed-by': 'backstage',
  },
  { 'stalwart.io/managed-by': 'backstage', 'app.kubernetes.io/instance': 'm1' },
  { tier: '' },
];

/** Selectors both parsers must accept, and evaluate alike on every label set. */
const ACCEPTED = [
  '',
  'app.kubernetes.io/name=stalwart',
  'app.kubernetes.io/name==stalwart',
  'app.kubernetes.io/name!=stalwart',
  'app.kubernetes.io/name in (stalwart,stalwart-mail)',
  'app.kubernetes.io/name in (stalwart, stalwart-mail)',
  'app.kubernetes.io/name notin (stalwart)',
  'stalwart.io/managed-by=backstage,app.kubernetes.io/instance',
  'stalwart.io/managed-by',
  '!stalwart.io/managed-by',
  'app.kubernetes.io/name=stalwart,tier=mail',
  'app.kubernetes.io/name in (stalwart-mail),tier in (mail)',
  'tier=',
  'tier in ()',
  ' tier = mail ',
];

/** What kube-apiserver refuses; the product's parser must refuse it too. */
const REFUSED = [
  'app.kubernetes.io/name in stalwart',
  'app.kubernetes.io/name in (stalwart',
  '=stalwart',
  'a=b=c',
  '!',
  'tier notin mail',
];

describe("the simulator's own label-selector grammar against the product's parser", () => {
  it.each(ACCEPTED)('evaluates %j alike on every label set', selector => {
    const product = productParser(selector);
    const simulator = simulatorParser(selector);
    for (const labels of LABEL_SETS) {
      const object = { metadata: { labels } };
      expect({ labels, matches: product(object) }).toEqual({
        labels,
        matches: simulator(object),
      });
    }
  });

  it.each(REFUSED)('refuses %j in both', selector => {
    expect(() => simulatorParser(selector)).toThrow();
    expect(() => productParser(selector)).toThrow();
  });

  // The product's parser is laxer here: it only evaluates selectors the product builds itself.
  it('refuses what the apiserver refuses and a hand-rolled regex lets through: bad keys and values', () => {
    for (const selector of [
      'app.kubernetes.io/name=-stalwart',
      'Example.COM/name=x',
      'a/b/c=x',
      `name=${'x'.repeat(64)}`,
    ]) {
      expect(() => simulatorParser(selector)).toThrow(
        /invalid label (key|value)/,
      );
    }
  });

  it('evaluates the set-based integer comparisons the apiserver also supports', () => {
    const newer = simulatorParser('revision>3');
    expect(newer({ metadata: { labels: { revision: '4' } } })).toBe(true);
    expect(newer({ metadata: { labels: { revision: '3' } } })).toBe(false);
    expect(newer({ metadata: { labels: { revision: 'x' } } })).toBe(false);
    expect(newer({ metadata: { labels: {} } })).toBe(false);
  });
});
