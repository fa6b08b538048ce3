import { evaluateInstance, InstanceObjects } from './evaluateInstance';
import type {
  CertificateObject,
  ConfigMapObject,
  HelmReleaseObject,
  PodObject,
  ServiceObject,
  StatefulSetObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import statefulSet from './__fixtures__/statefulset.json';
import pods from './__fixtures__/pods.json';
import service from './__fixtures__/service-mail.json';
import configMap from './__fixtures__/configmap.json';
import certificate from './__fixtures__/certificate.json';
import helmRelease from './__fixtures__/helmrelease.json';

const healthy: InstanceObjects = {
  workload: statefulSet as StatefulSetObject,
  pods: pods as PodObject[],
  service: service as ServiceObject,
  configMap: configMap as ConfigMapObject,
  certificate: certificate as CertificateObject,
  helmRelease: helmRelease as HelmReleaseObject,
};
const now = new Date('2026-09-15T12:00:00Z');

describe('evaluateInstance', () => {
  it('finds nothing to report on a healthy Antigenic release under Flux', () => {
    const sections = evaluateInstance({
      objects: healthy,
      release: 'mail',
      hostname: 'mail.example.com',
      configChecksumAnnotation: 'checksum/config',
      now,
    });

    expect(sections.reasons).toEqual([]);
    expect(sections.workload?.replicas.ready).toBe(3);
    expect(sections.pods).toHaveLength(3);
    expect(sections.certificate.state).toBe('ok');
    expect(sections.exposure.expectedPorts).toHaveLength(7);
    expect(sections.gitops.tool).toBe('flux');
  });

  it('feeds the data store read from the ConfigMap into the workload rules', () => {
    const sections = evaluateInstance({
      objects: {
        ...healthy,
        configMap: {
          ...healthy.configMap!,
          data: { 'config.json': '{"@type":"RocksDb"}' },
        },
      },
      release: 'mail',
      now,
    });
    expect(sections.workload?.dataStore).toBe('rocksdb');
    expect(sections.reasons.map(r => r.code)).toContain(
      'workload.local-store-replicas',
    );
  });

  it('is critical when the cluster runs no workload for the release', () => {
    const sections = evaluateInstance({
      objects: { pods: [] },
      release: 'mail',
      now,
    });
    expect(sections.workload).toBeNull();
    expect(sections.reasons.map(r => r.code)).toEqual([
      'workload.missing',
      'certificate.missing',
      'exposure.missing',
    ]);
  });
});
