import { mockCredentials } from '@backstage/backend-test-utils';
import type { InstanceDriftResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import {
  CHART_FLAVOR_IDS,
  getChartFlavor,
} from '@stalwart-backstage/plugin-stalwart-charts';
import {
  FRESH_CLUSTER,
  referenceChartDir,
  startFreshFleet,
  type FreshFleet,
} from '@stalwart-backstage/test-harness';
import request from 'supertest';
import {
  DriftBackend,
  startDriftBackend,
} from '../__testUtils__/startDriftBackend';

// docs/stalwart-api-facts.md "Whole objects", "Server defaults" (v0.16) and the v0.15 local
// keys: what a real server adds on its own (first-start objects, defaults filled into every
// object it returns) is no drift. Each flavor's example instance is rendered by the template's
// renderer, deployed from `helm template` of the real chart, and read through the drift route.
const flavors = CHART_FLAVOR_IDS.filter(id => {
  if (referenceChartDir(id)) return true;
  // eslint-disable-next-line no-console
  console.warn(
    `NOTICE: the reference chart of ${id} is absent (shared/reference/charts); its fresh-instance drift test is skipped`,
  );
  return false;
});
const ANA = mockCredentials.user.header('user:default/ana');

(flavors.length ? describe : describe.skip)(
  'the drift of a freshly rendered instance on a fresh Stalwart',
  () => {
    let fleet: FreshFleet;
    let backend: DriftBackend;

    beforeAll(async () => {
      fleet = await startFreshFleet(flavors);
      backend = await startDriftBackend({ fleet });
    }, 120_000);
    afterAll(async () => {
      await backend?.stop();
    });

    const drift = async (name: string, query = '') => {
      const res = await request(backend.app)
        .get(
          `/api/stalwart/v1/entities/default/component/${name}/drift${query}`,
        )
        .set('Authorization', ANA);
      expect([res.status, res.status === 200 ? '' : res.text]).toEqual([
        200,
        '',
      ]);
      return res.body as InstanceDriftResponseV1;
    };
    const drifted = (body: InstanceDriftResponseV1) =>
      body.items
        .filter(i => i.class !== 'in-sync')
        .map(
          i => `${i.class} ${i.id}: ${i.declared ?? '∅'} → ${i.live ?? '∅'}`,
        );

    it.each(flavors.map(id => [id, getChartFlavor(id).generation]))(
      'shows no drift item for the %s chart (%s) right after it is deployed',
      async flavor => {
        const instance = fleet.instances.find(i => i.flavor === flavor)!;
        expect(instance.applied?.failures ?? []).toEqual([]);

        const body = await drift(instance.entity.metadata.name);

        expect(body).toMatchObject({
          engine: getChartFlavor(flavor).generation,
          cluster: FRESH_CLUSTER,
          instance: { chart: flavor },
        });
        expect(body.pods.length).toBeGreaterThan(0);
        expect(body.pods.every(p => p.read && !p.staleConfig)).toBe(true);
        expect(drifted(body)).toEqual([]);
        expect(body.items.some(i => i.class === 'in-sync')).toBe(true);
        // A chart keeping config.json in a Secret says so, as information; nothing failed.
        const { config } = getChartFlavor(flavor).objectNames(
          instance.spec.name,
          { replicas: instance.spec.replicas },
        );
        expect(body.errors.map(e => [e.source, e.severity])).toEqual(
          config.kind === 'Secret' ? [['config.json', 'info']] : [],
        );
      },
      60_000,
    );
  },
);
