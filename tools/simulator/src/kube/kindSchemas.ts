import { ResourceType, groupVersionOf } from './resourceTypes';

/** An OpenAPI v3 structural schema, as CRDs and kube-apiserver publish them. */
export interface KindSchema {
  type?: string;
  description?: string;
  properties?: Record<string, KindSchema>;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-group-version-kind'?: Array<{
    group: string;
    version: string;
    kind: string;
  }>;
  [key: string]: unknown;
}

const anything: KindSchema = { 'x-kubernetes-preserve-unknown-fields': true };

/**
 * The top-level fields (and, for `spec`, its field names) of the built-in kinds whose
 * manifests the charts render; anything deeper is accepted as is. Kinds missing here
 * keep every field, as the simulator cannot tell their schema.
 */
const BUILTIN_FIELDS: Record<string, Record<string, string[] | true>> = {
  ConfigMap: { data: true, binaryData: true, immutable: true },
  Secret: { data: true, stringData: true, type: true, immutable: true },
  Namespace: { spec: ['finalizers'], status: true },
  ServiceAccount: {
    secrets: true,
    imagePullSecrets: true,
    automountServiceAccountToken: true,
  },
  Deployment: {
    spec: [
      'replicas',
      'selector',
      'template',
      'strategy',
      'minReadySeconds',
      'revisionHistoryLimit',
      'paused',
      'progressDeadlineSeconds',
    ],
    status: true,
  },
  StatefulSet: {
    spec: [
      'replicas',
      'selector',
      'template',
      'volumeClaimTemplates',
      'serviceName',
      'podManagementPolicy',
      'updateStrategy',
      'revisionHistoryLimit',
      'minReadySeconds',
      'persistentVolumeClaimRetentionPolicy',
      'ordinals',
    ],
    status: true,
  },
  Service: {
    spec: [
      'ports',
      'selector',
      'clusterIP',
      'clusterIPs',
      'type',
      'externalIPs',
      'sessionAffinity',
      'loadBalancerIP',
      'loadBalancerSourceRanges',
      'externalName',
      'externalTrafficPolicy',
      'healthCheckNodePort',
      'publishNotReadyAddresses',
      'sessionAffinityConfig',
      'ipFamilies',
      'ipFamilyPolicy',
      'allocateLoadBalancerNodePorts',
      'loadBalancerClass',
      'internalTrafficPolicy',
      'trafficDistribution',
    ],
    status: true,
  },
};

function builtinProperties(kind: string): Record<string, KindSchema> | null {
  const fields = BUILTIN_FIELDS[kind];
  if (!fields) return null;
  return Object.fromEntries(
    Object.entries(fields).map(([name, inner]) => [
      name,
      inner === true
        ? anything
        : {
            type: 'object',
            properties: Object.fromEntries(inner.map(f => [f, anything])),
          },
    ]),
  );
}

/**
 * The schema one kind is published and validated with: the envelope every object has,
 * plus what the CRD declares (custom kinds) or what the simulator knows (built-ins).
 */
export function kindSchema(type: ResourceType): KindSchema {
  const declared =
    (type.schema?.properties as Record<string, KindSchema> | undefined) ??
    builtinProperties(type.kind);
  const openEnded =
    !declared || type.schema?.['x-kubernetes-preserve-unknown-fields'] === true;
  return {
    type: 'object',
    description: `${type.kind} (${groupVersionOf(
      type,
    )}), as the simulator serves it.`,
    properties: {
      ...declared,
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object', ...anything },
    },
    ...(openEnded ? anything : {}),
    'x-kubernetes-group-version-kind': [
      { group: type.group, version: type.version, kind: type.kind },
    ],
  };
}

/** The schema's component name, as kube-apiserver names it (`io.k8s.api.apps.v1.Deployment`). */
export function schemaName(type: ResourceType): string {
  if (type.builtin) {
    const group = (type.group || 'core').split('.')[0];
    return `io.k8s.api.${group}.${type.version}.${type.kind}`;
  }
  const reversed = type.group.split('.').reverse().join('.');
  return `${reversed}.${type.version}.${type.kind}`;
}
