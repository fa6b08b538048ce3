import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { renderCatalogEntity } from '@stalwart-backstage/plugin-stalwart-charts';
import { examples } from './catalogRender.examples';
import {
  instanceEntityRef,
  instanceFolder,
  parseSpecInput,
  writeWorkspaceFiles,
} from './helpers';
import { specInput, targetPathInput } from './inputProperties';
import { filesOutput, pathOutput } from './outputProperties';
import type { CatalogRenderAction } from './types';

const validator = makeValidator();

/** A Backstage cluster name as `stalwart.io/clusters` lists them, comma-separated. */
const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const MAX_CLUSTERS = 64;

/**
 * The clusters input, checked here as well as by the scaffolder's JSON Schema: callers that
 * run the action directly get the same refusal, with the entry that broke it.
 */
function clustersInput(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw new InputError('clusters: must be a list of cluster names');
  if (value.length > MAX_CLUSTERS)
    throw new InputError(
      `clusters: must list at most ${MAX_CLUSTERS} clusters`,
    );
  value.forEach((name, i) => {
    if (typeof name !== 'string' || !CLUSTER_NAME.test(name))
      throw new InputError(
        `clusters.${i}: must be a cluster name of letters, digits, ".", "_" or "-" (at most 63)`,
      );
  });
  return value;
}

function entityRefInput(
  value: string | undefined,
  field: string,
  defaultKind: string,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  const invalid = new InputError(
    `${field}: must be an entity reference such as ${defaultKind}:default/name, not "${value}"`,
  );
  let ref;
  try {
    ref = parseEntityRef(value, { defaultKind, defaultNamespace: 'default' });
  } catch {
    throw invalid;
  }
  if (
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw invalid;
  }
  return stringifyEntityRef(ref);
}

/**
 * `stalwart:catalog:render`: writes the instance's catalog-info.yaml (a Component carrying the
 * Kubernetes and Stalwart annotations) into the workspace.
 *
 * @public
 */
export function createCatalogRenderAction(): CatalogRenderAction {
  return createTemplateAction({
    id: 'stalwart:catalog:render',
    description:
      'Renders the catalog entity of a Stalwart instance (a Component of type service with the Kubernetes, Argo CD and stalwart.io annotations) as catalog-info.yaml in the instance folder.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        spec: specInput,
        owner: z =>
          z
            .string()
            .min(1)
            .describe(
              'Entity reference of the owning group or user, e.g. group:default/mail-admins.',
            ),
        system: z =>
          z
            .string()
            .optional()
            .describe(
              'Entity reference of the system the instance belongs to.',
            ),
        clusters: z =>
          z
            .array(z.string().regex(CLUSTER_NAME))
            .max(MAX_CLUSTERS)
            .optional()
            .describe(
              'Names of the Backstage-configured clusters the instance runs in (stalwart.io/clusters).',
            ),
        targetPath: targetPathInput,
      },
      output: {
        files: filesOutput,
        path: pathOutput,
        catalogInfoPath: z =>
          z.string().describe('catalog-info.yaml relative to the workspace.'),
        entityRef: z => z.string().describe('The entity the file declares.'),
      },
    },
    async handler(ctx) {
      const spec = parseSpecInput(ctx.input.spec);
      const owner = entityRefInput(ctx.input.owner, 'owner', 'group')!;
      if (!owner) throw new InputError('owner: is required');
      const system = entityRefInput(ctx.input.system, 'system', 'system');
      const folder = instanceFolder(spec, ctx.input.targetPath);
      const content = renderCatalogEntity(spec, {
        owner,
        system,
        clusters: clustersInput(ctx.input.clusters),
      });
      const files = await ctx.checkpoint({
        key: `catalog-${spec.name}`,
        fn: () =>
          writeWorkspaceFiles(ctx.workspacePath, folder, [
            { path: 'catalog-info.yaml', content },
          ]),
      });
      ctx.logger.info(`Wrote ${files[0]} for ${instanceEntityRef(spec)}`);
      ctx.output('files', files);
      ctx.output('path', folder);
      ctx.output('catalogInfoPath', files[0]);
      ctx.output('entityRef', instanceEntityRef(spec));
    },
  });
}
