import fs from 'node:fs';
import { parse } from 'yaml';
import { InputError } from '@backstage/errors';
import { createCatalogRenderAction } from './catalogRender';
import { minimalSpec } from './exampleSpecs';
import {
  actionContext,
  listFiles,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

describe('stalwart:catalog:render', () => {
  const action = createCatalogRenderAction();
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it('writes catalog-info.yaml with the owner and system as full entity references', async () => {
    const workspace = `${tmp.dir}/ok`;
    const { ctx, outputs } = actionContext(
      {
        spec: minimalSpec as any,
        owner: 'mail-admins',
        system: 'mail',
        clusters: ['homelab'],
      },
      workspace,
    );
    await action.handler(ctx);

    const entity = parse(
      fs.readFileSync(
        `${workspace}/clusters/local/mail-demo/catalog-info.yaml`,
        'utf8',
      ),
    );
    expect(entity).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'mail-demo',
        annotations: {
          'backstage.io/kubernetes-id': 'mail-demo',
          'stalwart.io/clusters': 'homelab',
        },
      },
      spec: {
        owner: 'group:default/mail-admins',
        system: 'system:default/mail',
      },
    });
    expect(outputs()).toEqual({
      files: ['clusters/local/mail-demo/catalog-info.yaml'],
      path: 'clusters/local/mail-demo',
      catalogInfoPath: 'clusters/local/mail-demo/catalog-info.yaml',
      entityRef: 'component:default/mail-demo',
    });
  });

  it('refuses an owner that is not an entity reference, naming the field', async () => {
    const workspace = `${tmp.dir}/bad`;
    const { ctx } = actionContext(
      { spec: minimalSpec as any, owner: 'group:default/a/b' },
      workspace,
    );
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^owner: must be an entity reference/);
    expect(listFiles(workspace)).toEqual([]);
  });

  it.each([
    [['homelab\nkind: Secret'], /^clusters\.0: must be a cluster name/],
    [['homelab', 'edge,prod'], /^clusters\.1: must be a cluster name/],
    ['homelab', /^clusters: must be a list of cluster names/],
    [
      Array.from({ length: 65 }, (_, i) => `c${i}`),
      /^clusters: must list at most 64 clusters/,
    ],
  ])(
    'refuses the clusters %j itself, naming the entry, and writes nothing',
    async (clusters, message) => {
      const workspace = `${tmp.dir}/clusters-${
        JSON.stringify(clusters).length
      }`;
      const { ctx } = actionContext(
        { spec: minimalSpec as any, owner: 'mail-admins', clusters } as any,
        workspace,
      );
      const error = await action.handler(ctx).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      expect(listFiles(workspace)).toEqual([]);
    },
  );
});
