import type { KubernetesModels } from './models';

/** The type of each model class, as its @kubernetes-models class declares it. */
export const MODEL_TYPES: Record<
  keyof KubernetesModels,
  { apiVersion: string; kind: string }
> = {
  Application: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' },
  Certificate: { apiVersion: 'cert-manager.io/v1', kind: 'Certificate' },
  ExternalSecret: {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
  },
  SealedSecret: { apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret' },
  HelmRelease: { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease' },
  GitRepository: {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
  },
  HelmRepository: {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
  },
  OCIRepository: {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'OCIRepository',
  },
  HTTPRoute: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute' },
  Ingress: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
  NetworkPolicy: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  Namespace: { apiVersion: 'v1', kind: 'Namespace' },
  PodDisruptionBudget: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' },
};

function plainModel(type: { apiVersion: string; kind: string }) {
  return class PlainModel {
    constructor(data: object) {
      Object.assign(this, { ...type, ...data });
    }

    validate() {}

    toJSON() {
      return { ...this };
    }
  };
}

/**
 * Stand-ins for the model classes that build the same objects without their OpenAPI
 * validators, which are most of the weight of the template preview's browser bundle. The
 * preview shows what the spec renders to; the scaffolder's render actions, which commit the
 * files, build them with the validating classes.
 */
export const PLAIN_MODELS = Object.fromEntries(
  Object.entries(MODEL_TYPES).map(([name, type]) => [name, plainModel(type)]),
) as unknown as KubernetesModels;
