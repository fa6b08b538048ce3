import { ConfigReader } from '@backstage/config';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import rootDefault from '../index';
import alphaDefault from '../alpha';
import { mailEntity } from '../__testUtils__/renderStalwart';
import type { SharedQueryCache } from '../queries/SharedQueryCache';
import { stalwartQueryCacheApi } from './apis';
import { stalwartMailServerContent } from './entityExtensions';
import { stalwartFleetPage } from './fleetPage';
import { stalwartSpecPreviewFormField } from './formFields';
import { stalwartPlugin } from './plugin';

describe('stalwartPlugin', () => {
  it('is the default export of the package root and of ./alpha, for feature discovery', () => {
    expect(rootDefault).toBe(stalwartPlugin);
    expect(alphaDefault).toBe(stalwartPlugin);
    expect(stalwartPlugin.pluginId).toBe('stalwart');
  });

  it('has stable extension ids', () => {
    for (const id of [
      'api:stalwart/client',
      'api:stalwart/query-cache',
      'entity-content:stalwart/mail-server',
      'entity-card:stalwart/verdict',
      'entity-card:stalwart/certificate',
      'page:stalwart',
      'scaffolder-form-field:stalwart/spec-preview',
    ] as const) {
      expect(stalwartPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('mounts the Mail server tab at mail-server on instance entities only', () => {
    const tester = createExtensionTester(stalwartMailServerContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('mail-server');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Mail server',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(mailEntity)).toBe(true);
    expect(filter({ ...mailEntity, metadata: { name: 'website' } })).toBe(
      false,
    );
  });

  it('puts the fleet page at /stalwart', () => {
    expect(
      createExtensionTester(stalwartFleetPage).get(coreExtensionData.routePath),
    ).toBe('/stalwart');
  });

  it('takes the refresh interval from the extension config over app-config', () => {
    const cacheFrom = (config?: { refreshInterval?: string }) => {
      const factory = createExtensionTester(stalwartQueryCacheApi, {
        config,
      }).get(ApiBlueprint.dataRefs.factory);
      const configApi = new ConfigReader({
        stalwart: { frontend: { refreshInterval: '45s' } },
      });
      return factory.factory({ configApi }) as SharedQueryCache;
    };
    expect(cacheFrom().refreshIntervalMs).toBe(45_000);
    expect(cacheFrom({ refreshInterval: '2m' }).refreshIntervalMs).toBe(
      120_000,
    );
  });

  it('loads the StalwartSpecPreview form field on demand', async () => {
    const loader = createExtensionTester(stalwartSpecPreviewFormField).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    const field = (await loader()) as any;
    expect(field.$$type).toBe('@backstage/scaffolder/FormField');
  });
});
