import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFTED_CLASSES, filterDriftItems, itemName } from './driftItems';

const base: Omit<DriftItemV1, 'id' | 'class'> = {
  group: 'g',
  explanation: 'database-only',
  masked: false,
  pods: [],
  remediations: [],
};
const route: DriftItemV1 = {
  ...base,
  id: 'a',
  class: 'database-only-user',
  key: 'queue.route.resend.address',
  group: 'queue.route.resend',
  live: 'smtp.resend.com',
};
const listener: DriftItemV1 = {
  ...base,
  id: 'b',
  class: 'changed-live',
  object: { type: 'x:NetworkListener', naturalKey: 'smtp', field: 'bind' },
  declared: '["[::]:25"]',
  live: '["[::]:2525"]',
};
const synced: DriftItemV1 = {
  ...base,
  id: 'c',
  class: 'in-sync',
  key: 'server.hostname',
};

describe('driftItems', () => {
  it('names v0.15 items by key and v0.16 items by type, natural key and field', () => {
    expect(itemName(route)).toBe('queue.route.resend.address');
    expect(itemName(listener)).toBe('x:NetworkListener[smtp]/bind');
  });

  it('keeps only the chosen classes', () => {
    const items = filterDriftItems([route, listener, synced], {
      search: '',
      classes: new Set(DRIFTED_CLASSES),
    });
    expect(items.map(i => i.id)).toEqual(['a', 'b']);
  });

  it('searches names, groups and values case-insensitively', () => {
    const all = new Set([...DRIFTED_CLASSES, 'in-sync' as const]);
    expect(
      filterDriftItems([route, listener, synced], {
        search: 'RESEND',
        classes: all,
      }).map(i => i.id),
    ).toEqual(['a']);
    expect(
      filterDriftItems([route, listener, synced], {
        search: '2525',
        classes: all,
      }).map(i => i.id),
    ).toEqual(['b']);
  });
});
