import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type {
  CertificateObject,
  ClusterInstanceStatusV1,
  ConfigMapObject,
  HelmReleaseObject,
  InstanceStatusResponseV1,
  PodObject,
  ProposalState,
  ServiceObject,
  StatefulSetObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { InstanceObjects } from '@stalwart-backstage/plugin-stalwart-node';
import {
  getChartFlavor,
  nodeIdForPod,
} from '@stalwart-backstage/plugin-stalwart-charts';
import {
  computeVerdict,
  evaluateInstance,
  evaluateLifecycle,
  settleMissingObjects,
  settleMissingSections,
} from '@stalwart-backstage/plugin-stalwart-node';
// One source of truth for the release's objects: stalwart-node's status rules are tested on
// these same files. Its `exports` keep src private, so they are read from the package folder.
const commonFixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(
      join(
        dirname(
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
const certificate = commonFixture('certificate.json');
const configMap = commonFixture('configmap.json');
const helmRelease = commonFixture('helmrelease.json');
const pods = commonFixture('pods.json');
const service = commonFixture('service-mail.json');
const statefulSet = commonFixture('statefulset.json');

const DAY_MS = 86_400_000;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * The Kubernetes objects of the Antigenic release `mail` under Flux, as `kubectl get -o json`
 * shows them (stalwart-node's status fixtures), with the certificate `certificateDaysLeft`
 * days from expiry.
 */
export function mailReleaseObjects(
  options: { certificateDaysLeft?: number } = {},
): InstanceObjects & { pods: PodObject[] } {
  const cert = copy(certificate) as CertificateObject;
  const days = options.certificateDaysLeft ?? 62;
  // Half a day past the whole number, so the floor the status rules take is `days`.
  cert.status!.notAfter = new Date(
    Date.now() + (days + 0.5) * DAY_MS,
  ).toISOString();
  cert.status!.renewalTime = new Date(
    Date.now() + (days - 29.5) * DAY_MS,
  ).toISOString();
  return {
    workload: copy(statefulSet) as StatefulSetObject,
    pods: copy(pods) as PodObject[],
    service: copy(service) as ServiceObject,
    configMap: copy(configMap) as ConfigMapObject,
    certificate: cert,
    helmRelease: copy(helmRelease) as HelmReleaseObject,
  };
}

/** One cluster's status, evaluated by the shared status rules as the backend does. */
export function clusterStatus(options: {
  cluster: string;
  objects?: InstanceObjects;
  data?: 'live' | 'stale';
  /** For stale data: how long ago the cluster stopped answering. */
  staleForSeconds?: number;
}): ClusterInstanceStatusV1 {
  const objects = options.objects ?? mailReleaseObjects();
  const flavor = getChartFlavor('antigenic');
  const replicas = objects.workload?.spec?.replicas ?? 1;
  const sections = evaluateInstance({
    objects,
    release: 'mail',
    hostname: 'mail.example.com',
    configChecksumAnnotation: flavor.configChecksumAnnotation,
    nodeIdOf: ({ name }) => nodeIdForPod(flavor, name, { replicas }) ?? null,
    now: new Date(),
  });
  const staleFor = options.staleForSeconds ?? 0;
  const freshness =
    options.data === 'stale'
      ? {
          data: 'stale' as const,
          dataAgeSeconds: staleFor,
          error: {
            statusCode: 503,
            message: 'the server is currently unable to handle the request',
            since: new Date(Date.now() - staleFor * 1000).toISOString(),
          },
        }
      : { data: 'live' as const };
  const { reasons, ...rest } = sections;
  return {
    cluster: options.cluster,
    ...freshness,
    ...rest,
    verdict: computeVerdict([
      { cluster: options.cluster, ...freshness, reasons },
    ]),
  };
}

/** A cluster that could not be read at all. */
export function unavailableCluster(
  cluster: string,
  message: string,
): ClusterInstanceStatusV1 {
  const freshness = {
    data: 'unavailable' as const,
    error: {
      statusCode: 401,
      message,
      since: new Date(Date.now() - 300_000).toISOString(),
    },
  };
  return {
    cluster,
    ...freshness,
    workload: null,
    pods: [],
    verdict: computeVerdict([{ cluster, ...freshness, reasons: [] }]),
  };
}

/** The status document for clusters, with the overall verdict computed as the backend does. */
export function statusResponse(
  clusters: ClusterInstanceStatusV1[],
  entityRef = 'component:default/mail',
): InstanceStatusResponseV1 {
  return {
    apiVersion: 'v1',
    entityRef,
    instance: {
      release: 'mail',
      namespace: 'mail',
      chart: 'antigenic',
      hostname: 'mail.example.com',
    },
    verdict: computeVerdict(
      clusters.map(c => ({
        ...c,
        reasons: c.verdict.reasons.filter(r => !r.code.startsWith('cluster.')),
      })),
    ),
    clusters,
    errors: clusters.flatMap(c =>
      c.error ? [{ cluster: c.cluster, ...c.error }] : [],
    ),
    fetchedAt: new Date().toISOString(),
  };
}

/**
 * The status of an instance proposed on `proposal.branch` whose cluster runs nothing of it yet
 * (or runs `objects`), with its lifecycle and settled findings as the backend answers.
 */
export function lifecycleStatusResponse(
  proposal: ProposalState,
  objects: InstanceObjects = { pods: [] },
): InstanceStatusResponseV1 {
  const evaluated = clusterStatus({ cluster: 'homelab', objects });
  const lifecycle = evaluateLifecycle({ proposal, clusters: [evaluated] });
  const observed = settleMissingSections(evaluated, lifecycle);
  const reasons = settleMissingObjects(observed.verdict.reasons, lifecycle);
  const cluster = {
    ...observed,
    verdict: computeVerdict([{ ...observed, reasons }]),
  };
  return { ...statusResponse([cluster]), lifecycle };
}
