import type { KubernetesObject } from '@kubernetes/client-node';
import statefulSet from './mailRelease/statefulset.json';
import pods from './mailRelease/pods.json';
import service from './mailRelease/service-mail.json';
import configMap from './mailRelease/configmap.json';
import certificate from './mailRelease/certificate.json';
import helmRelease from './mailRelease/helmrelease.json';

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
