import type { Entity } from '@backstage/catalog-model';
import { type InstanceDriftResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import {
  parseInstanceSpec,
  renderSettingsPlan,
} from '@stalwart-backstage/plugin-stalwart-charts';
import {
  startBackendWithSimulator,
  type BackendWithSimulator,
} from '@stalwart-backstage/test-harness';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const FLEET = path.join(EXAMPLES, 'demo-fleet');

const entitiesIn = (file: string): Entity[] =>
  parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(d => d.toJS() as Entity)
    .filter(e => e && e.kind !== 'Location');

// What the app registers (examples/demo-fleet) must be what the tests that load
// examples/stalwart-demo.yaml directly assume, and the plan must be the renderer's.
describe('the demo fleet folder', () => {
  it('declares exactly the entities of examples/stalwart-demo.yaml', () => {
    expect([
      ...entitiesIn(path.join(FLEET, 'catalog-info.yaml')),
      ...entitiesIn(path.join(FLEET, 'edge/mail/catalog-info.yaml')),
    ]).toEqual(entitiesIn(path.join(EXAMPLES, 'stalwart-demo.yaml')));
  });

  it('holds the settings plan the renderer makes of the edge instance’s spec', () => {
    const parsed = parseInstanceSpec(
      parse(fs.readFileSync(path.join(FLEET, 'mail-edge.spec.yaml'), 'utf8')),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(
      fs.readFileSync(
        path.join(FLEET, 'edge/mail/settings-plan.ndjson'),
        'utf8',
      ),
    ).toBe(renderSettingsPlan(parsed.spec));
  });
});

// The drift endpoint of the real example backend with app-config.yaml, as `yarn start` runs it
// on the demo scenario: the v0.16 instance's plan is read from main of the seeded fleet repository.
describe('settings drift of the demo scenario', () => {
  let stack: BackendWithSimulator;

  beforeAll(async () => {
    stack = await startBackendWithSimulator();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const drift = (name: string) =>
    stack.waitForJson<InstanceDriftResponseV1>(
      `/api/stalwart/v1/entities/default/component/${name}/drift`,
    );

  it('compares the v0.16 instance’s rendered plan with the registry instead of reporting it unavailable', async () => {
    const response = await drift('mail-edge');

    expect(response).toMatchObject({
      engine: 'v0.16',
      cluster: 'edge',
      instance: { release: 'mail', namespace: 'mail' },
    });
    expect(response.errors.filter(e => e.source === 'plan')).toEqual([]);
    expect(JSON.stringify(response.errors)).not.toMatch(/plan/i);
    // The listener created in the scenario's admin UI is declared nowhere in the plan.
    expect(response.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          class: 'database-only-user',
          object: expect.objectContaining({
            type: 'x:NetworkListener',
            naturalKey: 'imap-cleartext',
          }),
        }),
      ]),
    );
    // The rendered plan's listeners the demo server does not run are declared but missing.
    expect(response.counts['missing-live']).toBeGreaterThan(0);
    expect(response.counts['in-sync']).toBeGreaterThan(0);
  }, 90_000);
});
