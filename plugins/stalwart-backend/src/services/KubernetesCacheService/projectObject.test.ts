import { projectObject } from './projectObject';

const env = Array.from({ length: 20 }, (_, i) => ({
  name: `VAR_${i}`,
  value: 'v'.repeat(40),
}));

describe('projectObject', () => {
  it('keeps what the pod rules read and drops env, volumes and bookkeeping', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'mail-0',
        namespace: 'mail',
        labels: { 'app.kubernetes.io/name': 'stalwart' },
        managedFields: [{ manager: 'kubelet', fieldsV1: { big: true } }],
      },
      spec: {
        nodeName: 'node-1',
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'd' } }],
        containers: [
          {
            name: 'stalwart',
            image: 'stalwartlabs/stalwart:v0.15.5',
            ports: [{ name: 'http', containerPort: 8080 }],
            env,
            resources: { limits: { memory: '1Gi' } },
          },
        ],
      },
      status: {
        phase: 'Running',
        podIP: '10.0.0.1',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'stalwart',
            image: 'stalwartlabs/stalwart:v0.15.5',
            imageID: 'sha256:abc',
            ready: true,
            restartCount: 2,
            state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
          },
        ],
      },
    };
    const before = JSON.stringify(pod).length;

    const projected = projectObject('Pod', structuredClone(pod));

    expect(projected).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'mail-0',
        namespace: 'mail',
        labels: { 'app.kubernetes.io/name': 'stalwart' },
      },
      spec: {
        nodeName: 'node-1',
        containers: [
          {
            name: 'stalwart',
            image: 'stalwartlabs/stalwart:v0.15.5',
            ports: [{ name: 'http', containerPort: 8080 }],
          },
        ],
      },
      status: {
        phase: 'Running',
        podIP: '10.0.0.1',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'stalwart',
            image: 'stalwartlabs/stalwart:v0.15.5',
            ready: true,
            restartCount: 2,
            state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
          },
        ],
      },
    });
    expect(JSON.stringify(projected).length).toBeLessThan(before / 2);
  });

  it("drops an Application's resource tree and history but keeps sync, health and the last operation", () => {
    const app = {
      kind: 'Application',
      metadata: { name: 'mail', namespace: 'argocd' },
      spec: { destination: { namespace: 'mail' } },
      status: {
        sync: { status: 'Synced' },
        health: { status: 'Healthy' },
        resources: [{ kind: 'Pod', name: 'mail-0' }],
        history: [{ revision: 'abc' }],
        operationState: {
          phase: 'Succeeded',
          message: 'ok',
          syncResult: { resources: [{ kind: 'Pod' }] },
        },
      },
    };
    expect(projectObject('Application', app).status).toEqual({
      sync: { status: 'Synced' },
      health: { status: 'Healthy' },
      operationState: { phase: 'Succeeded', message: 'ok' },
    });
  });

  it("keeps a workload's template annotations and mounted config, not its containers", () => {
    const statefulSet = {
      kind: 'StatefulSet',
      metadata: { name: 'mail', namespace: 'mail' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'mail' } },
        updateStrategy: { type: 'RollingUpdate' },
        volumeClaimTemplates: [{ metadata: { name: 'data' } }],
        template: {
          metadata: { annotations: { 'checksum/config': 'abc' } },
          spec: {
            containers: [{ name: 'stalwart', env }],
            volumes: [
              { name: 'config', configMap: { name: 'mail-config' } },
              { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
            ],
          },
        },
      },
      status: { readyReplicas: 3 },
    };
    expect(
      JSON.parse(JSON.stringify(projectObject('StatefulSet', statefulSet))),
    ).toEqual({
      kind: 'StatefulSet',
      metadata: { name: 'mail', namespace: 'mail' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'mail' } },
        updateStrategy: { type: 'RollingUpdate' },
        template: {
          metadata: { annotations: { 'checksum/config': 'abc' } },
          spec: {
            volumes: [
              { name: 'config', configMap: { name: 'mail-config' } },
              { name: 'data' },
            ],
          },
        },
      },
      status: { readyReplicas: 3 },
    });
  });

  it('leaves a watch error status alone', () => {
    const status = { kind: 'Status', code: 410 } as any;
    expect(projectObject('Pod', status)).toEqual({ kind: 'Status', code: 410 });
  });
});
