import { slimObject } from './slimObject';

describe('slimObject', () => {
  it('drops managed fields and the last applied manifest, and keeps everything else', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'mail-0',
        namespace: 'mail',
        labels: { 'app.kubernetes.io/instance': 'mail' },
        annotations: {
          'checksum/config': 'abc',
          'kubectl.kubernetes.io/last-applied-configuration': '{"big":true}',
        },
        managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
      },
      spec: { containers: [{ name: 'stalwart', image: 'stalwart:v0.15.5' }] },
      status: { phase: 'Running' },
    };

    expect(slimObject(pod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'mail-0',
        namespace: 'mail',
        labels: { 'app.kubernetes.io/instance': 'mail' },
        annotations: { 'checksum/config': 'abc' },
      },
      spec: { containers: [{ name: 'stalwart', image: 'stalwart:v0.15.5' }] },
      status: { phase: 'Running' },
    });
  });

  it('leaves an object without metadata, like a watch error status, alone', () => {
    const status = { kind: 'Status', code: 410 } as any;
    expect(slimObject(status)).toEqual({ kind: 'Status', code: 410 });
  });
});
