import { edgeInput, REGISTRY_SCHEMA } from '../../drift/__testUtils__/edgeDemo';
import { classifyDriftV016 } from '../../drift/v016/classifyDriftV016';
import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { planAdoptionV016 } from './planAdoptionV016';

const input = edgeInput();
const report = classifyDriftV016(input);
const classes = (items: DriftItemV1[]) =>
  Object.fromEntries(items.map(i => [i.id, i.class]));

function adoptAndReclassify(itemIds: string[]) {
  const change = planAdoptionV016({
    items: report.items,
    itemIds,
    plan: input.plan,
    schema: REGISTRY_SCHEMA,
  });
  const plan = change.files[0]?.after ?? input.plan;
  return { change, after: classifyDriftV016({ ...input, plan }) };
}

describe('planAdoptionV016 on the demo edge instance', () => {
  it('adopts maxConnections raised in the admin UI by one changed line of the SystemSettings update', () => {
    const { change, after } = adoptAndReclassify([
      'x:SystemSettings/singleton/maxConnections',
    ]);
    expect(change.refused).toEqual([]);
    expect(change.files).toHaveLength(1);
    expect(change.files[0].path).toBe('settings-plan.ndjson');
    expect(change.files[0].diff).toContain(
      '-{"@type":"update","object":"SystemSettings","value":{"defaultHostname":"mail.edge.example.org"}}\n+{"@type":"update","object":"SystemSettings","value":{"defaultHostname":"mail.edge.example.org","maxConnections":20000}}',
    );
    expect(change.files[0].diff.match(/^[-+][^-+]/gm)).toHaveLength(2);
    // After the merge, the plan declares what runs: that item is in sync, no other item moved.
    const before = classes(report.items);
    const now = classes(after.items);
    expect(now['x:SystemSettings/singleton/maxConnections']).toBe('in-sync');
    delete before['x:SystemSettings/singleton/maxConnections'];
    delete now['x:SystemSettings/singleton/maxConnections'];
    expect(now).toEqual(before);
  });

  it('adds the listener created in the admin UI to the NetworkListener upsert under its natural key', () => {
    const { change, after } = adoptAndReclassify([
      'x:NetworkListener/imap-cleartext',
    ]);
    expect(change.adopted).toEqual(['x:NetworkListener/imap-cleartext']);
    expect(change.files[0].after).toContain('"imap-cleartext":{"bind"');
    expect(
      after.items
        .filter(i => i.group === 'x:NetworkListener/imap-cleartext')
        .every(i => i.class === 'in-sync'),
    ).toBe(true);
  });

  it('adopts a whole group at once: the singleton field only in the database joins the same update line', () => {
    const { change, after } = adoptAndReclassify([
      'x:SystemSettings/singleton/maxConnections',
      'x:SystemSettings/singleton/proxyTrustedNetworks',
    ]);
    expect(change.adopted).toHaveLength(2);
    expect(
      after.items
        .filter(i => i.group === 'x:SystemSettings/singleton')
        .every(i => i.class === 'in-sync'),
    ).toBe(true);
  });

  it('refuses the masked route secret: it could only be adopted as a reference', () => {
    const { change } = adoptAndReclassify(['x:MtaRoute/resend/authSecret']);
    expect(change.files).toEqual([]);
    expect(change.refused).toEqual([
      {
        itemId: 'x:MtaRoute/resend/authSecret',
        reason: expect.stringContaining('only be adopted as a reference'),
      },
    ]);
  });

  it('refuses items in sync and ids not in the report, naming each', () => {
    const { change } = adoptAndReclassify([
      'x:MtaOutboundStrategy/singleton/route',
      'x:Nope/missing',
    ]);
    expect(change.refused.map(r => r.reason)).toEqual([
      expect.stringContaining('is in-sync'),
      'x:Nope/missing is not in the drift report',
    ]);
  });

  it('removes an object declared but missing live from its upsert ("remove from git")', () => {
    const plan = `${input.plan}{"@type":"upsert","object":"NetworkListener","matchOn":["name"],"value":{"pop3":{"name":"pop3","protocol":"pop3","bind":{"[::]:110":true}}}}\n`;
    const withExtra = classifyDriftV016({ ...input, plan });
    const missing = withExtra.items.find(i => i.class === 'missing-live')!;
    expect(missing.id).toBe('x:NetworkListener/pop3');
    const change = planAdoptionV016({
      items: withExtra.items,
      itemIds: [missing.id],
      plan,
      schema: REGISTRY_SCHEMA,
    });
    expect(change.files[0].after).toBe(input.plan);
  });

  it('refuses a secret pasted into a plain setting, naming the field and the rule', () => {
    const pasted: DriftItemV1 = {
      ...report.items.find(
        i => i.id === 'x:SystemSettings/singleton/maxConnections',
      )!,
      live: JSON.stringify('ghp_abcdefghijklmnopqrstuvwxyz0123456789'),
    };
    const change = planAdoptionV016({
      items: [pasted],
      itemIds: [pasted.id],
      plan: input.plan,
      schema: REGISTRY_SCHEMA,
    });
    expect(change.files).toEqual([]);
    expect(change.refused[0].reason).toBe(
      'x:SystemSettings field maxConnections: the live value looks like a secret (an API token); secrets never go into git, declare a reference instead',
    );
  });
});
