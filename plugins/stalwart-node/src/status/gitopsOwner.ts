import type {
  ApplicationObject,
  HelmReleaseObject,
  WorkloadObject,
} from '@stalwart-backstage/plugin-stalwart-common';

const FLUX_NAME_LABEL = 'helm.toolkit.fluxcd.io/name';
const FLUX_NAMESPACE_LABEL = 'helm.toolkit.fluxcd.io/namespace';
const ARGO_TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';

/** @public */
export interface ReleaseRef {
  release: string;
  namespace: string;
  workload?: WorkloadObject;
}

/**
 * The Flux HelmRelease that installs a Helm release: the one helm-controller labelled the
 * workload with, else the one whose effective release name and target namespace match.
 *
 * @public
 */
export function findOwningHelmRelease(
  helmReleases: HelmReleaseObject[],
  ref: ReleaseRef,
): HelmReleaseObject | undefined {
  const labels = ref.workload?.metadata?.labels ?? {};
  const labelled = helmReleases.find(
    hr =>
      hr.metadata?.name === labels[FLUX_NAME_LABEL] &&
      hr.metadata?.namespace === labels[FLUX_NAMESPACE_LABEL],
  );
  if (labelled) return labelled;
  return helmReleases.find(hr => {
    const targetNamespace = hr.spec?.targetNamespace;
    // helm-controller's default release name when spec.releaseName is unset.
    const defaultName = targetNamespace
      ? `${targetNamespace}-${hr.metadata?.name}`
      : hr.metadata?.name;
    return (
      (hr.spec?.releaseName ?? defaultName) === ref.release &&
      (targetNamespace ?? hr.metadata?.namespace) === ref.namespace
    );
  });
}

/**
 * The Argo CD Application that deploys a Helm release: the one named by the workload's
 * tracking annotation, else the one whose destination namespace and Helm release name match.
 *
 * @public
 */
export function findOwningApplication(
  applications: ApplicationObject[],
  ref: ReleaseRef,
): ApplicationObject | undefined {
  const tracking =
    ref.workload?.metadata?.annotations?.[ARGO_TRACKING_ANNOTATION];
  if (tracking) {
    // `<app>:<group>/<kind>:<namespace>/<name>`, with `<app>` as `<namespace>_<name>` for
    // Applications outside the control-plane namespace.
    const appId = tracking.split(':')[0];
    const [appNamespace, appName] = appId.includes('_')
      ? appId.split('_', 2)
      : [undefined, appId];
    const tracked = applications.find(
      app =>
        app.metadata?.name === appName &&
        (appNamespace === undefined ||
          app.metadata?.namespace === appNamespace),
    );
    if (tracked) return tracked;
  }
  return applications.find(app => {
    if (app.spec?.destination?.namespace !== ref.namespace) return false;
    const sources =
      app.spec.sources ?? (app.spec.source ? [app.spec.source] : []);
    return sources.some(
      source =>
        (source.helm?.releaseName ?? app.metadata?.name) === ref.release,
    );
  });
}
