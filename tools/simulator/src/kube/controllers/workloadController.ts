import { SimulatedCluster } from '../SimulatedCluster';
import { StoreEvent } from '../ObjectStore';
import { BUILTIN_RESOURCE_TYPES } from '../resourceTypes';
import { parseLabelSelector } from '../selectors';
import { podFromTemplate, templateHash } from './podFromTemplate';

const type = (kind: string) =>
  BUILTIN_RESOURCE_TYPES.find(t => t.kind === kind)!;
const POD = type('Pod');
const STATEFUL_SET = type('StatefulSet');
const DEPLOYMENT = type('Deployment');

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const selectorOf = (workload: any) =>
  parseLabelSelector(
    Object.entries(workload.spec?.selector?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  );

/**
 * The StatefulSet and Deployment controllers, reduced to what rollouts need: a changed
 * pod template (e.g. `kubectl rollout restart`) replaces the pods one by one, highest
 * ordinal first, and a deleted StatefulSet pod comes back under the same name. New pods
 * start from the current template, so a simulated Stalwart in them boots the current config.
 */
export function startWorkloadController(
  cluster: SimulatedCluster,
  options: { now: () => Date; stepMs: number },
): () => void {
  const templates = new Map<string, string>();
  const idOf = (o: any) =>
    `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
  for (const w of [
    ...cluster.store.list(STATEFUL_SET),
    ...cluster.store.list(DEPLOYMENT),
  ]) {
    templates.set(idOf(w), JSON.stringify(w.spec?.template));
  }

  const newPod = (workload: any, name: string, extra: Record<string, string>) =>
    podFromTemplate({
      owner: workload,
      name,
      template: workload.spec.template,
      extraLabels: extra,
      now: options.now(),
    });

  async function rollStatefulSet(sts: any) {
    const revision = `${sts.metadata.name}-${templateHash(sts.spec.template)}`;
    const replicas = sts.spec.replicas ?? 1;
    const first = sts.spec.ordinals?.start ?? 0;
    for (let ordinal = first + replicas - 1; ordinal >= first; ordinal--) {
      const name = `${sts.metadata.name}-${ordinal}`;
      cluster.store.delete(POD, sts.metadata.namespace, name);
      if (options.stepMs) await sleep(options.stepMs);
      cluster.store.create(
        POD,
        newPod(sts, name, {
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': name,
          'apps.kubernetes.io/pod-index': String(ordinal),
        }),
      );
    }
    const current = cluster.store.get(
      STATEFUL_SET,
      sts.metadata.namespace,
      sts.metadata.name,
    );
    if (!current) return;
    current.status = {
      ...current.status,
      observedGeneration: current.metadata.generation,
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      currentRevision: revision,
      updateRevision: revision,
    };
    cluster.store.update(STATEFUL_SET, current);
  }

  async function rollDeployment(deployment: any) {
    const hash = templateHash(deployment.spec.template);
    const old = cluster.store
      .list(POD, deployment.metadata.namespace)
      .filter(selectorOf(deployment));
    for (const pod of old) {
      cluster.store.delete(POD, pod.metadata.namespace, pod.metadata.name);
      if (options.stepMs) await sleep(options.stepMs);
    }
    for (let i = 0; i < (deployment.spec.replicas ?? 1); i++) {
      const suffix = templateHash(`${hash}-${i}-${Date.now()}`).slice(0, 5);
      cluster.store.create(
        POD,
        newPod(deployment, `${deployment.metadata.name}-${hash}-${suffix}`, {
          'pod-template-hash': hash,
        }),
      );
    }
  }

  function recreateStatefulSetPod(pod: any) {
    const owner = pod.metadata.ownerReferences?.find(
      (r: any) => r.kind === 'StatefulSet',
    );
    if (!owner) return;
    const sts = cluster.store.get(
      STATEFUL_SET,
      pod.metadata.namespace,
      owner.name,
    );
    if (
      !sts ||
      cluster.store.get(POD, pod.metadata.namespace, pod.metadata.name)
    )
      return;
    const revision = `${sts.metadata.name}-${templateHash(sts.spec.template)}`;
    const ordinal = pod.metadata.name.slice(sts.metadata.name.length + 1);
    cluster.store.create(
      POD,
      newPod(sts, pod.metadata.name, {
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': pod.metadata.name,
        'apps.kubernetes.io/pod-index': ordinal,
      }),
    );
  }

  return cluster.onChange((event: StoreEvent) => {
    const { object } = event;
    if (event.resource === POD && event.type === 'DELETED') {
      // A controller notices deletions asynchronously; rollouts delete pods themselves.
      setTimeout(() => recreateStatefulSetPod(object), options.stepMs);
      return;
    }
    if (event.resource !== STATEFUL_SET && event.resource !== DEPLOYMENT)
      return;
    const id = idOf(object);
    const template = JSON.stringify(object.spec?.template);
    const previous = templates.get(id);
    templates.set(id, template);
    // A new workload (a GitOps sync, `kubectl apply`) boots its pods as a changed one rolls them.
    const created = event.type === 'ADDED' && previous === undefined;
    const changed =
      event.type === 'MODIFIED' &&
      previous !== undefined &&
      previous !== template;
    if (!created && !changed) return;
    queueMicrotask(() => {
      void (event.resource === STATEFUL_SET
        ? rollStatefulSet(object)
        : rollDeployment(object));
    });
  });
}
