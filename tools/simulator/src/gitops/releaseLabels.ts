import type { FleetRelease } from './findReleases';

/**
 * The labels and annotations Helm and the GitOps engine put on what they apply: Helm's
 * ownership annotations, Flux's `helm.toolkit.fluxcd.io/*` labels, Argo CD's tracking id.
 */
export function labelRendered(release: FleetRelease, object: any): any {
  const metadata = object.metadata ?? {};
  const labels: Record<string, string> = { ...metadata.labels };
  const annotations: Record<string, string> = {
    ...metadata.annotations,
    'meta.helm.sh/release-name': release.releaseName,
    'meta.helm.sh/release-namespace': release.namespace,
  };
  if (release.engine === 'flux') {
    labels['helm.toolkit.fluxcd.io/name'] = release.owner.metadata.name;
    labels['helm.toolkit.fluxcd.io/namespace'] =
      release.owner.metadata.namespace;
  } else {
    annotations['argocd.argoproj.io/tracking-id'] = trackingId(release, object);
  }
  return { ...object, metadata: { ...metadata, labels, annotations } };
}

/** What the GitOps engine adds to the folder's own objects (sources, values, Certificate). */
export function labelManifest(release: FleetRelease, object: any): any {
  const metadata = object.metadata ?? {};
  if (release.engine === 'argocd') {
    return {
      ...object,
      metadata: {
        ...metadata,
        annotations: {
          ...metadata.annotations,
          'argocd.argoproj.io/tracking-id': trackingId(release, object),
        },
      },
    };
  }
  const folder = release.folder.replace(/\//g, '-');
  return {
    ...object,
    metadata: {
      ...metadata,
      labels: {
        ...metadata.labels,
        'kustomize.toolkit.fluxcd.io/name': folder,
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      },
    },
  };
}

function trackingId(release: FleetRelease, object: any): string {
  const group = String(object.apiVersion).includes('/')
    ? String(object.apiVersion).split('/')[0]
    : '';
  return `${release.owner.metadata.name}:${group}/${object.kind}:${
    object.metadata?.namespace ?? release.namespace
  }/${object.metadata?.name}`;
}
