import type { KubernetesObject } from '@kubernetes/client-node';
import { internStrings } from './internStrings';
import { slimObject } from './slimObject';
import type { ResourceKind } from './types';

type Projection = (object: any) => any;

const pick = (object: any, keys: string[]) =>
  object
    ? Object.fromEntries(
        keys.filter(k => object[k] !== undefined).map(k => [k, object[k]]),
      )
    : undefined;

/** What the pod rules read: the Stalwart container's image and ports, and the pod's state. */
const projectPod: Projection = pod => ({
  ...pod,
  spec: pod.spec && {
    ...pick(pod.spec, ['nodeName']),
    containers: (pod.spec.containers ?? []).map((c: any) =>
      pick(c, ['name', 'image', 'ports']),
    ),
  },
  status: pod.status && {
    ...pick(pod.status, ['phase', 'podIP', 'startTime', 'conditions']),
    containerStatuses: (pod.status.containerStatuses ?? []).map((c: any) =>
      pick(c, ['name', 'image', 'ready', 'restartCount', 'state', 'lastState']),
    ),
  },
});

/** Argo CD keeps every managed resource and the sync history on the Application. */
const projectApplication: Projection = app => ({
  ...app,
  status: app.status && {
    ...pick(app.status, ['sync', 'health', 'conditions', 'reconciledAt']),
    operationState: pick(app.status.operationState, [
      'phase',
      'message',
      'startedAt',
      'finishedAt',
      'operation',
    ]),
  },
});

/**
 * A workload's pod template is read for its annotations (config checksum, restarts) and for
 * which ConfigMaps and Secrets it mounts; its containers are read from the pods themselves.
 */
const projectWorkload: Projection = workload => ({
  ...workload,
  spec: workload.spec && {
    ...workload.spec,
    volumeClaimTemplates: undefined,
    template: workload.spec.template && {
      metadata: workload.spec.template.metadata,
      spec: {
        volumes: (workload.spec.template.spec?.volumes ?? []).map((v: any) =>
          pick(v, ['name', 'configMap', 'secret']),
        ),
      },
    },
  },
});

/** A ConfigMap's `binaryData` holds nothing Stalwart's config readers look at. */
const projectConfigMap: Projection = ({ binaryData: _binary, ...rest }) => rest;

const PROJECTIONS: Partial<Record<ResourceKind, Projection>> = {
  Pod: projectPod,
  StatefulSet: projectWorkload,
  Deployment: projectWorkload,
  Application: projectApplication,
  ConfigMap: projectConfigMap,
};

/**
 * The object cut down to the fields the status, drift and remediation rules read, so the cache
 * holds a few KB per instance rather than whole objects. Workloads, Services, Certificates and
 * HelmReleases are small and read widely: they keep everything but the bookkeeping.
 */
export function projectObject<T extends KubernetesObject>(
  kind: ResourceKind,
  object: T,
): T {
  const slim = slimObject(object);
  if (!slim?.metadata) return slim;
  const projection = PROJECTIONS[kind];
  return internStrings(projection ? projection(slim) : slim);
}
