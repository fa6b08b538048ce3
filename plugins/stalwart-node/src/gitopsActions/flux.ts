import { ConflictError, InputError } from '@backstage/errors';
import type {
  GitOpsAction,
  GitOpsActionPlanV1,
  GitOpsObjectRefV1,
  GitOpsObservedStateV1,
  GitOpsPatchV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { HelmReleaseObject } from '@stalwart-backstage/plugin-stalwart-common';
import { objectRefOf, type GitOpsObject } from './objectRef';

/**
 * The annotation `flux reconcile` sets; the controllers record it as handled in their status.
 *
 * @public
 */
export const FLUX_REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';
const SOURCE_API_VERSION = 'source.toolkit.fluxcd.io/v1';

/**
 * The source object Flux fetches a HelmRelease's chart from: `spec.chartRef` (an OCIRepository
 * or HelmChart), else the chart template's `sourceRef`, namespaced like the release by default.
 *
 * @public
 */
export function fluxSourceOf(hr: HelmReleaseObject): GitOpsObjectRefV1 {
  const ref = hr.spec?.chartRef ?? hr.spec?.chart?.spec?.sourceRef;
  const namespace = hr.metadata?.namespace ?? '';
  if (!ref?.kind || !ref.name)
    throw new InputError(
      `HelmRelease ${namespace}/${hr.metadata?.name} names no chart source (spec.chartRef or spec.chart.spec.sourceRef)`,
    );
  return {
    apiVersion: SOURCE_API_VERSION,
    kind: ref.kind,
    namespace: ref.namespace || namespace,
    name: ref.name,
  };
}

const annotate = (
  target: GitOpsObject,
  requestedAt: string,
  description: string,
  spec?: Record<string, unknown>,
): GitOpsPatchV1 => ({
  target: objectRefOf(target),
  contentType: 'application/merge-patch+json',
  body: {
    metadata: {
      resourceVersion: target.metadata?.resourceVersion,
      annotations: { [FLUX_REQUESTED_AT]: requestedAt },
    },
    ...(spec ? { spec } : {}),
  },
  description,
});

/**
 * What `flux reconcile helmrelease --with-source`, `flux suspend` and `flux resume` write,
 * refusing what Flux would ignore or reject. The source is annotated first, as the CLI does,
 * so the release reconciles against a fresh chart.
 *
 * @public
 */
export function planFluxAction(options: {
  action: GitOpsAction;
  helmRelease: HelmReleaseObject;
  /** The live source object; required for `reconcile`. */
  source?: GitOpsObject;
  now: Date;
}): GitOpsActionPlanV1 {
  const { action, helmRelease: hr, source } = options;
  const owner = objectRefOf(hr as GitOpsObject);
  const label = `HelmRelease ${owner.namespace}/${owner.name}`;
  const suspended = hr.spec?.suspend === true;
  const requestedAt = options.now.toISOString();
  const plan = (patches: GitOpsPatchV1[], withRequest: boolean) => ({
    action,
    tool: 'flux' as const,
    owner,
    patches,
    ...(withRequest ? { requestedAt } : {}),
  });

  switch (action) {
    case 'reconcile': {
      if (suspended)
        throw new ConflictError(
          `${label} is suspended: Flux ignores reconcile requests until it is resumed`,
        );
      if (!source)
        throw new ConflictError(
          `The source ${
            fluxSourceOf(hr).kind
          } of ${label} does not exist, so Flux cannot fetch its chart`,
        );
      return plan(
        [
          annotate(
            source,
            requestedAt,
            `Ask source-controller to fetch ${source.kind} ${source.metadata?.namespace}/${source.metadata?.name} now`,
          ),
          annotate(
            hr as GitOpsObject,
            requestedAt,
            `Ask helm-controller to reconcile ${label} now`,
          ),
        ],
        true,
      );
    }
    case 'suspend':
      if (suspended) throw new ConflictError(`${label} is already suspended`);
      return plan(
        [
          {
            target: owner,
            contentType: 'application/merge-patch+json',
            body: {
              metadata: { resourceVersion: hr.metadata?.resourceVersion },
              spec: { suspend: true },
            },
            description: `Suspend ${label}: changes in git are not applied until it is resumed`,
          },
        ],
        false,
      );
    case 'resume':
      if (!suspended) throw new ConflictError(`${label} is not suspended`);
      return plan(
        [
          annotate(
            hr as GitOpsObject,
            requestedAt,
            `Resume ${label} and reconcile it now`,
            { suspend: false },
          ),
        ],
        true,
      );
    default:
      throw new InputError(
        `${label} is managed by Flux, which has no "${action}": use reconcile, suspend or resume`,
      );
  }
}

/**
 * What helm-controller has done with a request: handled once its status echoes `requestedAt`.
 *
 * @public
 */
export function observeFlux(
  hr: HelmReleaseObject,
  requestedAt?: string,
): GitOpsObservedStateV1 {
  const lastHandledReconcileAt = hr.status?.lastHandledReconcileAt;
  return {
    handled: requestedAt ? lastHandledReconcileAt === requestedAt : true,
    suspended: hr.spec?.suspend === true,
    ...(lastHandledReconcileAt ? { lastHandledReconcileAt } : {}),
  };
}
