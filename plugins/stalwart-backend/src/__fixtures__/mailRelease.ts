import type { KubernetesObject } from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';

// The same files the status rules are tested on, kept once in plugin-stalwart-node; its
// `exports` keep src private, so they are read from the package folder.
const fixture = (name: string): unknown =>
  JSON.parse(
    fs.readFileSync(
      path.join(
        path.dirname(
          require.resolve(
            '@stalwart-backstage/plugin-stalwart-node/package.json',
          ),
        ),
        'src/status/__fixtures__',
        name,
      ),
      'utf8',
    ),
  );
const statefulSet = fixture('statefulset.json');
const pods = fixture('pods.json');
const service = fixture('service-mail.json');
const configMap = fixture('configmap.json');
const certificate = fixture('certificate.json');
const helmRelease = fixture('helmrelease.json');

/**
 * The objects of a healthy Antigenic-chart release `mail` in namespace `mail`, deployed by Flux,
 * as `kubectl get -o json` shows them. Each call returns fresh copies to change.
 */
export function mailRelease() {
  const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o));
  const validCertificate = copy(certificate) as any;
  // Tests compare against the real clock, so the certificate is always 90 days from expiry.
  validCertificate.status.notAfter = daysFromNow(90);
  validCertificate.status.renewalTime = daysFromNow(60);
  return {
    statefulSet: copy(statefulSet) as any,
    pods: copy(pods) as any[],
    service: copy(service) as any,
    configMap: copy(configMap) as any,
    certificate: validCertificate,
    helmRelease: copy(helmRelease) as any,
    /** A Secret the chart also renders; the backend must never read or return it. */
    secret: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'stalwart-secrets', namespace: 'mail' },
      type: 'Opaque',
      data: { ADMIN_SECRET: Buffer.from('hunter2').toString('base64') },
    },
  };
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

export function allObjects(
  release: ReturnType<typeof mailRelease>,
): KubernetesObject[] {
  return [
    release.statefulSet,
    ...release.pods,
    release.service,
    release.configMap,
    release.certificate,
    release.helmRelease,
    release.secret,
  ];
}

/** The catalog entity of the release. */
export function mailEntity(annotations: Record<string, string> = {}) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'mail',
      namespace: 'default',
      annotations: {
        'stalwart.io/release': 'mail',
        'stalwart.io/namespace': 'mail',
        'stalwart.io/chart': 'antigenic',
        'stalwart.io/hostname': 'mail.example.com',
        ...annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/mail-team',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/mail-team' }],
  };
}
