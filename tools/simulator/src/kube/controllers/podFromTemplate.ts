import { createHash } from 'node:crypto';

/** The short hash Kubernetes controllers put in revision names and pod labels. */
export function templateHash(template: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(template ?? {}))
    .digest('hex')
    .slice(0, 10);
}

let nextAddress = 10;
const podIP = () => {
  nextAddress += 1;
  return `10.42.${Math.floor(nextAddress / 250) % 250}.${
    (nextAddress % 250) + 2
  }`;
};

/** A running, ready pod as the kubelet would report it after starting a template. */
export function podFromTemplate(options: {
  owner: any;
  name: string;
  template: any;
  extraLabels: Record<string, string>;
  now: Date;
  nodeName?: string;
}): any {
  const { owner, name, template, extraLabels, now } = options;
  const started = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const spec = structuredClone(template?.spec ?? {});
  const containers: any[] = spec.containers ?? [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: { ...(template?.metadata?.labels ?? {}), ...extraLabels },
      ...(template?.metadata?.annotations
        ? { annotations: { ...template.metadata.annotations } }
        : {}),
      ownerReferences: [
        {
          apiVersion: owner.apiVersion,
          kind: owner.kind,
          name: owner.metadata.name,
          uid: owner.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { ...spec, nodeName: options.nodeName ?? 'node-1' },
    status: {
      phase: 'Running',
      conditions: [
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(type => ({
        type,
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: started,
      })),
      hostIP: '192.168.1.10',
      podIP: podIP(),
      startTime: started,
      containerStatuses: containers.map(c => ({
        name: c.name,
        image: c.image,
        imageID: `docker.io/${c.image}@sha256:${templateHash(
          c.image,
        )}${templateHash(c.name)}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: started } },
        lastState: {},
      })),
    },
  };
}
