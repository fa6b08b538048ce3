import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { homelabDriftItems } from '../../__testUtils__/driftFixtures';
import { fieldLines, groupDriftItems } from './driftGroups';

const registryItem = (
  field: string | undefined,
  declared: unknown,
  live: unknown,
): DriftItemV1 => ({
  id: `x:NetworkListener/smtp/${field ?? ''}`,
  object: { type: 'x:NetworkListener', naturalKey: 'smtp', id: 'b', field },
  group: 'x:NetworkListener/smtp',
  class: 'changed-live',
  explanation: 'edited-in-registry',
  declared: declared === undefined ? undefined : JSON.stringify(declared),
  live: live === undefined ? undefined : JSON.stringify(live),
  masked: false,
  pods: [],
  remediations: ['reset-to-git'],
});

describe('groupDriftItems', () => {
  it('groups v0.15 keys by their config section, in order of first appearance', () => {
    const groups = groupDriftItems(homelabDriftItems);
    expect(groups.map(g => [g.title, g.items.length])).toEqual([
      ['queue.route.resend.*', 2],
      ['server.listener.smtp.*', 1],
      ['server.*', 1],
      ['storage.*', 1],
    ]);
    expect(groups[0].explanations).toEqual(['database-only']);
    expect(groups[0].classes).toEqual(['database-only-user']);
  });

  it('groups v0.16 fields by registry object, named by type and natural key', () => {
    const groups = groupDriftItems([
      registryItem('bind', ['[::]:25'], ['[::]:2525']),
      registryItem('maxConnections', 100, 50),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].title).toBe('NetworkListener[smtp]');
    expect(groups[0].items).toHaveLength(2);
  });

  it('names a singleton object by its type alone', () => {
    const item = registryItem('hostname', 'a', 'b');
    item.object = { type: 'x:SystemSettings', naturalKey: 'singleton' };
    item.group = 'x:SystemSettings/singleton';
    expect(groupDriftItems([item])[0].title).toBe('SystemSettings');
  });
});

describe('fieldLines', () => {
  it('gives a v0.15 key one line named by the key below its section', () => {
    const listener = homelabDriftItems.find(
      i => i.key === 'server.listener.smtp.bind',
    )!;
    expect(fieldLines(listener)).toEqual([
      {
        item: listener,
        path: 'bind',
        declared: '[::]:25',
        live: '[::]:2525',
      },
    ]);
  });

  it('splits a changed v0.16 object into only the leaves that differ, never raw JSON', () => {
    const declared = {
      else: 'relay',
      match: [{ if: 'is_local_domain(rcpt_domain)', then: 'local' }],
    };
    const live = {
      else: 'relay',
      match: [{ if: 'is_local_domain(rcpt_domain)', then: 'relay' }],
    };
    const item = registryItem(undefined, declared, live);
    expect(
      fieldLines(item).map(({ path, declared: d, live: l }) => [path, d, l]),
    ).toEqual([['match/0/then', 'local', 'relay']]);
  });

  it('lists every leaf of an object that exists on one side only', () => {
    const item = registryItem(
      'tls',
      { implicit: true, timeout: '1m' },
      undefined,
    );
    expect(
      fieldLines(item).map(({ path, declared: d, live: l }) => [path, d, l]),
    ).toEqual([
      ['tls/implicit', 'true', undefined],
      ['tls/timeout', '1m', undefined],
    ]);
  });

  it('keeps a masked item on one line without values', () => {
    const secret = homelabDriftItems.find(i => i.masked)!;
    expect(fieldLines(secret)).toEqual([{ item: secret, path: 'auth.secret' }]);
  });

  it('shows an in-sync value once rather than dropping it', () => {
    const item = registryItem('bind', ['[::]:25'], ['[::]:25']);
    expect(fieldLines(item)).toEqual([
      { item, path: 'bind', declared: '[::]:25', live: '[::]:25' },
    ]);
  });
});
