import type { RenderContext } from '../context';

/**
 * The @kubernetes-models classes the manifests are built with. The packages publish only an
 * `import` export condition, so they are loaded with a dynamic `import()`: bundlers and Node's
 * ESM loader honour that condition, while a static import compiled to CommonJS `require()`
 * would not resolve.
 */
export interface KubernetesModels {
  Application: typeof import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application').Application;
  Certificate: typeof import('@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate').Certificate;
  ExternalSecret: typeof import('@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret').ExternalSecret;
  SealedSecret: typeof import('@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1/SealedSecret').SealedSecret;
  HelmRelease: typeof import('@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease').HelmRelease;
  GitRepository: typeof import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository').GitRepository;
  HelmRepository: typeof import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository').HelmRepository;
  OCIRepository: typeof import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository').OCIRepository;
  HTTPRoute: typeof import('@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute').HTTPRoute;
  Ingress: typeof import('kubernetes-models/networking.k8s.io/v1/Ingress').Ingress;
  NetworkPolicy: typeof import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy').NetworkPolicy;
  Namespace: typeof import('kubernetes-models/v1/Namespace').Namespace;
  PodDisruptionBudget: typeof import('kubernetes-models/policy/v1/PodDisruptionBudget').PodDisruptionBudget;
}

/** A render context plus the loaded model classes, for the manifest builders. */
export interface ManifestContext extends RenderContext {
  models: KubernetesModels;
}

let loading: Promise<KubernetesModels> | undefined;

// One module per model, not the API-group indexes: an index pulls in every model of its
// group with its validator, which the browser bundle (the template preview) then carries.
async function importModels(): Promise<KubernetesModels> {
  const [
    { Application },
    { Certificate },
    { ExternalSecret },
    { SealedSecret },
    { HelmRelease },
    { GitRepository },
    { HelmRepository },
    { OCIRepository },
    { HTTPRoute },
    { Ingress },
    { NetworkPolicy },
    { Namespace },
    { PodDisruptionBudget },
  ] = await Promise.all([
    import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application'),
    import('@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate'),
    import(
      '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret'
    ),
    import(
      '@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1/SealedSecret'
    ),
    import('@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease'),
    import(
      '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository'
    ),
    import(
      '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository'
    ),
    import(
      '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository'
    ),
    import(
      '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute'
    ),
    import('kubernetes-models/networking.k8s.io/v1/Ingress'),
    import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy'),
    import('kubernetes-models/v1/Namespace'),
    import('kubernetes-models/policy/v1/PodDisruptionBudget'),
  ]);
  return {
    Application,
    Certificate,
    ExternalSecret,
    SealedSecret,
    HelmRelease,
    GitRepository,
    HelmRepository,
    OCIRepository,
    HTTPRoute,
    Ingress,
    NetworkPolicy,
    Namespace,
    PodDisruptionBudget,
  };
}

/** Loads the model classes once per process (a failed load is retried on the next call). */
export function loadKubernetesModels(): Promise<KubernetesModels> {
  if (!loading) {
    loading = importModels().catch(error => {
      loading = undefined;
      throw error;
    });
  }
  return loading;
}
