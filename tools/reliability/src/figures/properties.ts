/** The sections of docs/reliability.md, in order. */
export const SECTIONS = {
  kubernetes: 'Faults: the Kubernetes API',
  stalwart: 'Faults: the Stalwart management API',
  scaffolder: 'Faults: publishing to the GitOps repository',
  input: 'Bad input',
  security: 'Security',
} as const;

export type SectionId = keyof typeof SECTIONS;

/** One property the suite proves: what happens, what is expected, and where the proof lives. */
export interface ReliabilityProperty {
  section: SectionId;
  title: string;
  expected: string;
  /** The test file(s) that prove it and record its figures, relative to the repository root. */
  provenBy: string[];
}

const FAULTS = 'tools/reliability/src/faults';
const INPUT = 'tools/reliability/src/input';
const SECURITY = 'tools/reliability/src/security';

/**
 * Every property docs/reliability.md reports on, keyed by the id tests record figures under.
 * A property without figures after a run shows as "not measured", so a gap cannot hide.
 */
export const PROPERTIES = {
  'k8s.restart-mid-watch': {
    section: 'kubernetes',
    title: 'API server restart mid-watch (watches dropped, history compacted)',
    expected:
      'informers relist after 410 Gone; status stays served, then fresh again',
    provenBy: [`${FAULTS}/kubernetes/apiServerRestart.test.ts`],
  },
  'k8s.error-rate-5': {
    section: 'kubernetes',
    title: '5 % of API requests fail with 500',
    expected:
      'status keeps serving; retries stay bounded; fresh again within one resync period',
    provenBy: [`${FAULTS}/kubernetes/errorRates.test.ts`],
  },
  'k8s.error-rate-50': {
    section: 'kubernetes',
    title: '50 % of API requests fail with 500',
    expected:
      'last known data marked stale with the reason; requests during the fault bounded (no retry storm)',
    provenBy: [`${FAULTS}/kubernetes/errorRates.test.ts`],
  },
  'k8s.latency-spikes': {
    section: 'kubernetes',
    title: '2 s latency on every API request',
    expected:
      'views keep answering from memory; no view waits on the API server',
    provenBy: [`${FAULTS}/kubernetes/latency.test.ts`],
  },
  'k8s.unreachable': {
    section: 'kubernetes',
    title: 'A cluster unreachable (connection refused, DNS failure)',
    expected:
      'that cluster reported with its error; the other clusters answer in full',
    provenBy: [`${FAULTS}/kubernetes/unreachable.test.ts`],
  },
  'k8s.expired-token': {
    section: 'kubernetes',
    title: 'Expired service-account token (401)',
    expected:
      'stale with "unauthorized" as the reason; no retry storm; recovery once the token works',
    provenBy: [`${FAULTS}/kubernetes/authFailures.test.ts`],
  },
  'k8s.rbac-one-kind': {
    section: 'kubernetes',
    title: 'Missing RBAC on one kind (403 on Certificates)',
    expected:
      'that kind reported as forbidden; workload, pods, exposure and GitOps still served',
    provenBy: [`${FAULTS}/kubernetes/authFailures.test.ts`],
  },
  'stalwart.unauthorized': {
    section: 'stalwart',
    title: 'Stalwart answers 401',
    expected: 'drift says the credentials were refused, and which ones',
    provenBy: [`${FAULTS}/stalwart/stalwartFaults.test.ts`],
  },
  'stalwart.forbidden': {
    section: 'stalwart',
    title: 'Stalwart answers 403',
    expected: 'drift says the principal lacks the permission',
    provenBy: [`${FAULTS}/stalwart/stalwartFaults.test.ts`],
  },
  'stalwart.rate-limited': {
    section: 'stalwart',
    title: 'Stalwart answers 429 with Retry-After',
    expected: 'drift says rate limited and when to retry; no hammering',
    provenBy: [`${FAULTS}/stalwart/stalwartFaults.test.ts`],
  },
  'stalwart.server-error': {
    section: 'stalwart',
    title: 'Stalwart answers 500',
    expected: 'drift says the server failed; never "in sync"',
    provenBy: [`${FAULTS}/stalwart/stalwartFaults.test.ts`],
  },
  'stalwart.error-body': {
    section: 'stalwart',
    title: 'HTTP 200 with an `error` body',
    expected: 'read as a failure with Stalwart\u2019s own message',
    provenBy: [`${FAULTS}/stalwart/stalwartFaults.test.ts`],
  },
  'stalwart.slow': {
    section: 'stalwart',
    title: 'Slow answers',
    expected: 'a timeout named as such; the backend stays responsive',
    provenBy: [`${FAULTS}/stalwart/stalwartFaults.test.ts`],
  },
  'stalwart.malformed': {
    section: 'stalwart',
    title: 'Malformed JSON',
    expected: 'a parse failure named as such; never a crash',
    provenBy: [`${FAULTS}/stalwart/stalwartFaults.test.ts`],
  },
  'stalwart.version-mismatch': {
    section: 'stalwart',
    title: 'v0.15 vs v0.16 mismatch',
    expected: 'the engine follows the version found; a mismatch is named',
    provenBy: [`${FAULTS}/stalwart/stalwartFaults.test.ts`],
  },
  'scaffolder.disk-full': {
    section: 'scaffolder',
    title: 'Disk full midway through the publish',
    expected: 'the fleet repository is untouched (no partial commit)',
    provenBy: [`${FAULTS}/scaffolder/publishFailures.test.ts`],
  },
  'scaffolder.branch-exists': {
    section: 'scaffolder',
    title: 'The target branch or path already exists',
    expected: 'a clear error; the existing content is untouched',
    provenBy: [`${FAULTS}/scaffolder/publishFailures.test.ts`],
  },
  'scaffolder.concurrent': {
    section: 'scaffolder',
    title: 'Concurrent runs for the same instance name',
    expected: 'exactly one succeeds; the repository holds one complete commit',
    provenBy: [`${FAULTS}/scaffolder/publishFailures.test.ts`],
  },
  'input.hostile-specs': {
    section: 'input',
    title: 'Hostile specs and template inputs, table-driven',
    expected:
      'each refused with an error naming the field and rule; no file written',
    provenBy: [`${INPUT}/hostileSpecs.test.ts`],
  },
  'input.fuzz': {
    section: 'input',
    title: 'Renderers fuzzed from the spec schema (fast-check)',
    expected:
      'no untyped error; every YAML output parses back to the intended values',
    provenBy: [`${INPUT}/fuzzRenderers.test.ts`],
  },
  'security.secret-decoys': {
    section: 'security',
    title: 'Planted secret decoys',
    expected:
      'no decoy in any generated file, API response, log line or rendered page',
    provenBy: [`${SECURITY}/secretDecoys.test.ts`],
  },
  'security.permissions': {
    section: 'security',
    title: 'Every route and action, ALLOW and DENY',
    expected:
      'DENY gets 403 and changes nothing; ALLOW works; decided as the calling user',
    provenBy: [`${SECURITY}/permissionMatrix.test.ts`],
  },
  'security.audit': {
    section: 'security',
    title: 'Remediation audit events',
    expected:
      'every applied or refused remediation writes an audit event naming the caller and the entity; allowed dry runs, which change nothing, are not audited',
    provenBy: [`${SECURITY}/permissionMatrix.test.ts`],
  },
  'security.own-credentials': {
    section: 'security',
    title: 'No answer on the backend\u2019s own credentials',
    expected:
      'catalog reads and permission checks are made on behalf of the caller',
    provenBy: [`${SECURITY}/onBehalfOf.test.ts`],
  },
  'security.ssrf': {
    section: 'security',
    title: 'No caller-chosen addresses (SSRF)',
    expected:
      'no route takes a URL or host; annotations reach only configured clusters and services in them',
    provenBy: [`${SECURITY}/ssrf.test.ts`],
  },
  'security.limits': {
    section: 'security',
    title: 'Request body limits and remediation rate per user',
    expected: 'oversized bodies get 413; remediations beyond the rate get 429',
    provenBy: [`${SECURITY}/limits.test.ts`],
  },
} satisfies Record<string, ReliabilityProperty>;

export type PropertyId = keyof typeof PROPERTIES;
