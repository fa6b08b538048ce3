import { encodeV015ApiKey } from '@stalwart-backstage/simulator';
import {
  CHART_FLAVOR_IDS,
  exampleInstanceSpec,
  parseInstanceSpec,
  renderInstance,
  type InstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';
import {
  startBackendWithSimulator,
  waitFor,
  type BackendWithSimulator,
} from '@stalwart-backstage/test-harness';
import { recordFigure } from '../figures/recordFigure';
import {
  clone,
  dotted,
  fullSpecs,
  renameKey,
  setAt,
  stringLeaves,
} from '../input/__testUtils__/hostileInputs';
import { decoy, writeDecoyScenario } from './__testUtils__/decoyScenario';

// One real backend for the file: it starts in 15-25 s on a loaded machine.
jest.setTimeout(240_000);

const ENTITIES = {
  homelab: 'default/component/stalwart',
  edge: 'default/component/mail-edge',
};

/** Where each decoy was found: a leak is reported with the place it leaked into. */
function leaksIn(place: string, text: string, decoys: string[]): string[] {
  return decoys.filter(d => text.includes(d)).map(d => `${place}: ${d}`);
}

describe('planted secret decoys', () => {
  let scenario: ReturnType<typeof writeDecoyScenario>;
  let running: BackendWithSimulator;
  const responses: Array<{ place: string; text: string }> = [];

  const call = async (place: string, path: string, init: RequestInit = {}) => {
    const res = await running.request(`/api/stalwart${path}`, init);
    const text = await res.text();
    responses.push({
      place: `${place}: ${init.method ?? 'GET'} ${path} (${res.status})`,
      text,
    });
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    scenario = writeDecoyScenario();
    running = await startBackendWithSimulator({ scenarioDir: scenario.dir });
  });
  afterAll(async () => {
    await running?.stop();
    scenario?.cleanup();
  });

  it('the scenario really holds the decoys: Stalwart serves them to whoever has its key', async () => {
    const pod = running.simulator.control.podFetch(
      'homelab',
      'stalwart',
      'stalwart-antigenic-stalwart-helm-chart-0',
    );
    const apiKey = encodeV015ApiKey('backstage', 'demo-backstage-api-key');
    const listed = await (
      await pod('/api/settings/list', {
        headers: { Authorization: `Bearer ${apiKey}` },
      })
    ).text();
    // Without this the greps below could pass on a scenario that never carried a secret.
    expect(
      leaksIn('Stalwart itself', listed, scenario.decoys).length,
    ).toBeGreaterThan(0);
  });

  it('no API response carries a decoy: status, drift of both engines, hidden keys, remediation dry runs', async () => {
    for (const entity of Object.values(ENTITIES)) {
      await waitFor(
        `drift of ${entity}`,
        async () => {
          const res = await call('warm-up', `/v1/entities/${entity}/drift`);
          return (
            res.status === 200 &&
            res.body.pods.length > 0 &&
            res.body.errors.length === 0
          );
        },
        { timeoutMs: 120_000, intervalMs: 1_000 },
      );
      await call('status', `/v1/entities/${entity}/status`);
      const drift = await call(
        'drift',
        `/v1/entities/${entity}/drift?includeHidden=true`,
      );
      expect(drift.status).toBe(200);
      const resettable = drift.body.items
        .filter((i: any) => i.remediations?.includes('reset-to-git'))
        .map((i: any) => i.id);
      const masked = drift.body.items.filter((i: any) => i.masked);
      expect(masked.length).toBeGreaterThan(0);
      for (const [action, itemIds] of [
        ['reset-to-git', resettable],
        ['reset-to-git', masked.map((i: any) => i.id)],
        ['restart-stale-pods', []],
      ] as const) {
        const res = await call(
          'remediation',
          `/v1/entities/${entity}/drift/remediations`,
          {
            method: 'POST',
            body: JSON.stringify({ action, itemIds, dryRun: true }),
          },
        );
        expect([200, 400, 409]).toContain(res.status);
      }
    }
    const leaks = responses.flatMap(r =>
      leaksIn(r.place, r.text, scenario.decoys),
    );
    expect(leaks).toEqual([]);
    recordFigure({
      property: 'security.secret-decoys',
      measure: 'decoys planted in the scenario (each grepped as is and base64)',
      value: scenario.planted,
    });
    recordFigure({
      property: 'security.secret-decoys',
      measure: 'leaks found in API responses',
      value: leaks.length,
      bound: '= 0',
    });
    recordFigure({
      property: 'security.secret-decoys',
      measure:
        'API responses grepped (status, drift v0.15 and v0.16, hidden keys, remediation dry runs)',
      value: responses.length,
    });
  });

  it('no log line of the backend carries a decoy', () => {
    const lines = running.backend.logs().split('\n');
    const leaks = lines.flatMap((line, i) =>
      leaksIn(`log line ${i + 1}`, line, scenario.decoys),
    );
    expect(lines.length).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
    recordFigure({
      property: 'security.secret-decoys',
      measure: 'leaks found in backend log lines',
      value: leaks.length,
      bound: '= 0',
    });
    recordFigure({
      property: 'security.secret-decoys',
      measure: 'backend log lines grepped',
      value: lines.length,
    });
  });

  it('a decoy in any field of a spec is refused, naming that field', () => {
    let tried = 0;
    const seen = new Set<string>();
    for (const full of fullSpecs()) {
      for (const leaf of stringLeaves(full)) {
        const at = `${leaf.key}:${dotted(leaf.path)}`;
        if (seen.has(at)) continue;
        seen.add(at);
        const value = decoy('Spec');
        const spec = clone(full);
        if (leaf.key) renameKey(spec, leaf.path, value);
        else setAt(spec, leaf.path, value);
        const field = leaf.key
          ? dotted([...leaf.path.slice(0, -1), value])
          : dotted(leaf.path);
        const result = parseInstanceSpec(spec);
        expect(result.ok ? [] : result.problems.map(p => p.path)).toContain(
          field,
        );
        tried++;
      }
    }
    recordFigure({
      property: 'security.secret-decoys',
      measure: 'spec fields given a decoy, each refused naming the field',
      value: tried,
    });
  });

  it('no generated file carries a decoy, for every flavor, engine and secrets provider', async () => {
    const scenarioDecoys = scenario.decoys;
    let files = 0;
    const leaks: string[] = [];
    for (const chart of CHART_FLAVOR_IDS)
      for (const engine of ['flux', 'argocd'] as const)
        for (const provider of [
          'existing',
          'external-secrets',
          'sealed-secrets',
        ] as const) {
          const parsed = parseInstanceSpec(
            exampleInstanceSpec(chart, engine, provider),
          );
          if (!parsed.ok)
            throw new Error(`${chart}/${engine}/${provider} is invalid`);
          const spec: InstanceSpec = parsed.spec;
          for (const file of await renderInstance(spec, {
            owner: 'group:default/mail',
          })) {
            files++;
            leaks.push(
              ...leaksIn(
                `${chart}/${engine}/${provider}/${file.path}`,
                file.content,
                scenarioDecoys,
              ),
            );
          }
        }
    expect(files).toBeGreaterThan(24);
    expect(leaks).toEqual([]);
    recordFigure({
      property: 'security.secret-decoys',
      measure: 'leaks found in generated files',
      value: leaks.length,
      bound: '= 0',
    });
    recordFigure({
      property: 'security.secret-decoys',
      measure:
        'generated files grepped (4 flavors x 2 engines x 3 secret providers)',
      value: files,
    });
  });
});
