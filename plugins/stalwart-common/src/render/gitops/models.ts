import type { RenderContext } from '../context';

/**
 * The @kubernetes-models classes the manifests are built with. The packages publish only an
 * `import` export condition, so they are loaded with a dynamic `import()`: bundlers and Node's
 * ESM loader honour that condition, while a static import compiled to CommonJS `require()`
 * would not resolve.
 */
export interface KubernetesModels {
  Application: typeof import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1').Application;
  Certificate: typeof import('@kubernetes-models/cert-manager/cert-manager.io/v1').Certificate;
  ExternalSecret: typeof import('@kubernetes-models/external-secrets/external-secrets.io/v1').ExternalSecret;
  SealedSecret: typeof import('@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1').SealedSecret;
  HelmRelease: typeof import('@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2').HelmRelease;
  GitRepository: typeof import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1').GitRepository;
  HelmRepository: typeof import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1').HelmRepository;
  OCIRepository: typeof import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1').OCIRepository;
  HTTPRoute: typeof import('@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1').HTTPRoute;
  Ingress: typeof import('kubernetes-models/networking.k8s.io/v1').Ingress;
  NetworkPolicy: typeof import('kubernetes-models/networking.k8s.io/v1').NetworkPolicy;
  Namespace: typeof import('kubernetes-models/v1').Namespace;
  PodDisruptionBudget: typeof import('kubernetes-models/policy/v1').PodDisruptionBudget;
}

/** A render context plus the loaded model classes, for the manifest builders. */
export interface ManifestContext extends RenderContext {
  models: KubernetesModels;
}

let loading: Promise<KubernetesModels> | undefined;

async function importModels(): Promise<KubernetesModels> {
  const [argo, certManager, externalSecrets, sealedSecrets, helm, source] =
    await Promise.all([
      import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1'),
      import('@kubernetes-models/cert-manager/cert-manager.io/v1'),
      import('@kubernetes-models/external-secrets/external-secrets.io/v1'),
      import('@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1'),
      import('@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2'),
      import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1'),
    ]);
  const [gateway, networking, core, policy] = await Promise.all([
    import('@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1'),
    import('kubernetes-models/networking.k8s.io/v1'),
    import('kubernetes-models/v1'),
    import('kubernetes-models/policy/v1'),
  ]);
  return {
    Application: argo.Application,
    Certificate: certManager.Certificate,
    ExternalSecret: externalSecrets.ExternalSecret,
    SealedSecret: sealedSecrets.SealedSecret,
    HelmRelease: helm.HelmRelease,
    GitRepository: source.GitRepository,
    HelmRepository: source.HelmRepository,
    OCIRepository: source.OCIRepository,
    HTTPRoute: gateway.HTTPRoute,
    Ingress: networking.Ingress,
    NetworkPolicy: networking.NetworkPolicy,
    Namespace: core.Namespace,
    PodDisruptionBudget: policy.PodDisruptionBudget,
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
