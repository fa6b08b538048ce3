import * as scaffolderModule from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { recordFigure } from '../figures/recordFigure';
import {
  authHeader,
  COMPONENT_ROUTE,
  EDGE,
  HOMELAB,
  PROPOSED,
  SecurityBackend,
  startSecurityBackend,
  USERS,
} from './__testUtils__/securityBackend';
import { watchSideEffects } from './__testUtils__/sideEffects';

// One real backend for the file; a cold start takes ~20 s on a loaded machine.
jest.setTimeout(120_000);

// The suite only runs inside the monorepo.
// eslint-disable-next-line no-restricted-syntax
const PLUGIN = path.resolve(__dirname, '../../../../plugins/stalwart-backend');
const API = '/api/stalwart';
const MAX_CONNECTIONS = 'x:SystemSettings/singleton/maxConnections';

type Decision = 'allow' | 'deny' | 'public';

interface MatrixCase {
  operationId: string;
  title: string;
  user?: string;
  decision: Decision;
  route: string;
  init?: RequestInit;
  /** For an allowed case: what the answer must show. */
  verify?: (body: any) => void;
  /** A batch route refuses each entity in its answer (200), not the request. */
  refusedPerItem?: boolean;
}

const jsonPost = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

const remediation = (dryRun: boolean, itemIds: string[]): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ action: 'reset-to-git', itemIds, dryRun }),
});

/**
 * Every operation of the plugin's OpenAPI document, each under ALLOW and DENY. An operation
 * missing here fails the suite, so a new route cannot ship untested. Apply cases come last: the
 * allowed one changes the edge server.
 */
const MATRIX: MatrixCase[] = [
  {
    operationId: 'Health',
    title: 'health answers anyone, and says only that the plugin is up',
    decision: 'public',
    route: `${API}/health`,
    verify: body => expect(body).toEqual({ status: 'ok' }),
  },
  ...[USERS.operator, USERS.reader].map(
    (user): MatrixCase => ({
      operationId: 'GetInstanceStatusV1',
      title: `status is served to ${user}, who holds stalwart.instance.read`,
      user,
      decision: 'allow',
      route: `${HOMELAB}/status`,
      verify: body =>
        expect(body.clusters.map((c: any) => c.cluster)).toEqual(['homelab']),
    }),
  ),
  ...[USERS.operator, USERS.reader].map(
    (user): MatrixCase => ({
      operationId: 'GetInstanceStatusesV1',
      title: `a status batch is served to ${user}, who holds stalwart.instance.read`,
      user,
      decision: 'allow',
      route: `${API}/v1/statuses`,
      init: jsonPost({ entityRefs: ['component:default/mail-edge'] }),
      verify: body =>
        expect(
          body.items[0].status.clusters.map((c: any) => c.cluster),
        ).toEqual(['edge']),
    }),
  ),
  {
    operationId: 'GetInstanceStatusesV1',
    title:
      'a status batch refuses each entity to a user without stalwart.instance.read',
    user: USERS.stranger,
    decision: 'deny',
    route: `${API}/v1/statuses`,
    init: jsonPost({ entityRefs: ['component:default/mail-edge'] }),
    refusedPerItem: true,
  },
  {
    operationId: 'GetInstanceStatusV1',
    title: 'status is refused to a user without stalwart.instance.read',
    user: USERS.stranger,
    decision: 'deny',
    route: `${HOMELAB}/status`,
  },
  ...[USERS.operator, USERS.reader].map(
    (user): MatrixCase => ({
      operationId: 'GetInstanceDriftV1',
      title: `drift is served to ${user}, who holds stalwart.settings.read`,
      user,
      decision: 'allow',
      route: `${EDGE}/drift`,
      verify: body =>
        expect(body.items.find((i: any) => i.id === MAX_CONNECTIONS)).toEqual(
          expect.objectContaining({ class: 'changed-live', live: '20000' }),
        ),
    }),
  ),
  {
    operationId: 'GetInstanceDriftV1',
    title: 'drift is refused to a user without stalwart.settings.read',
    user: USERS.stranger,
    decision: 'deny',
    route: `${EDGE}/drift`,
  },
  {
    operationId: 'RemediateInstanceDriftV1',
    title:
      'a remediation dry run is planned for the holder of stalwart.settings.reset',
    user: USERS.operator,
    decision: 'allow',
    route: `${EDGE}/drift/remediations`,
    init: remediation(true, [MAX_CONNECTIONS]),
    verify: body => {
      expect(body).toMatchObject({ dryRun: true, itemIds: [MAX_CONNECTIONS] });
      expect(body).not.toHaveProperty('execution');
    },
  },
  ...[USERS.reader, USERS.stranger].flatMap((user): MatrixCase[] =>
    [true, false].map(dryRun => ({
      operationId: 'RemediateInstanceDriftV1',
      title: `a remediation ${
        dryRun ? 'dry run' : 'apply'
      } is refused to ${user}, who lacks stalwart.settings.reset${
        user === USERS.reader ? ' (holding stalwart.settings.read)' : ''
      }`,
      user,
      decision: 'deny',
      route: `${EDGE}/drift/remediations`,
      init: remediation(dryRun, [MAX_CONNECTIONS]),
    })),
  ),
  {
    operationId: 'RunGitOpsActionV1',
    title:
      'a reconcile dry run is planned for the holder of stalwart.gitops.reconcile',
    user: USERS.operator,
    decision: 'allow',
    route: `${HOMELAB}/gitops/reconcile`,
    init: jsonPost({ dryRun: true }),
    verify: body => expect(body).toMatchObject({ dryRun: true }),
  },
  ...[USERS.reader, USERS.stranger].map(
    (user): MatrixCase => ({
      operationId: 'RunGitOpsActionV1',
      title: `a reconcile is refused to ${user}, who lacks stalwart.gitops.reconcile`,
      user,
      decision: 'deny',
      route: `${HOMELAB}/gitops/reconcile`,
      init: jsonPost({ dryRun: false }),
    }),
  ),
  {
    operationId: 'AdoptSettingsDriftV1',
    title:
      'an adoption dry run shows the settings plan diff to the holder of stalwart.settings.adopt',
    user: USERS.operator,
    decision: 'allow',
    route: `${EDGE}/drift/adoptions`,
    init: jsonPost({ itemIds: [MAX_CONNECTIONS], dryRun: true }),
    verify: body => {
      expect(body).toMatchObject({
        dryRun: true,
        adopted: [MAX_CONNECTIONS],
        folder: 'edge/mail',
        expectedLive: { [MAX_CONNECTIONS]: '20000' },
      });
      expect(body.files.map((f: any) => f.path)).toEqual([
        'settings-plan.ndjson',
      ]);
      // eslint-disable-next-line jest/no-standalone-expect
      expect(body.files[0].diff).toContain('"maxConnections":20000');
      // eslint-disable-next-line jest/no-standalone-expect
      expect(body).not.toHaveProperty('commitSha');
    },
  },
  {
    operationId: 'AdoptSettingsDriftV1',
    title:
      'an adoption is committed on its own branch of the fleet repository for the holder of stalwart.settings.adopt',
    user: USERS.operator,
    decision: 'allow',
    route: `${EDGE}/drift/adoptions`,
    init: jsonPost({
      itemIds: [MAX_CONNECTIONS],
      dryRun: false,
      expectedLive: { [MAX_CONNECTIONS]: '20000' },
    }),
    verify: body => {
      expect(body).toMatchObject({ dryRun: false, adopted: [MAX_CONNECTIONS] });
      expect(body.branch).toMatch(/^stalwart-adopt\/edge\/mail\//);
      expect(body.commitSha).toMatch(/^[0-9a-f]{40}$/);
    },
  },
  {
    operationId: 'ListSettingsAdoptionsV1',
    title:
      'open adoptions are listed to the holder of stalwart.settings.read, with the items each adopts',
    user: USERS.reader,
    decision: 'allow',
    route: `${EDGE}/drift/adoptions`,
    verify: body =>
      expect(body.proposals).toEqual([
        {
          branch: expect.stringMatching(/^stalwart-adopt\/edge\/mail\//),
          itemIds: [MAX_CONNECTIONS],
        },
      ]),
  },
  {
    operationId: 'ListSettingsAdoptionsV1',
    title:
      'open adoptions are refused to a user without stalwart.settings.read',
    user: USERS.stranger,
    decision: 'deny',
    route: `${EDGE}/drift/adoptions`,
  },
  ...[USERS.reader, USERS.stranger].map(
    (user): MatrixCase => ({
      operationId: 'AdoptSettingsDriftV1',
      title: `an adoption is refused to ${user}, who lacks stalwart.settings.adopt`,
      user,
      decision: 'deny',
      route: `${EDGE}/drift/adoptions`,
      init: jsonPost({ itemIds: [MAX_CONNECTIONS], dryRun: true }),
    }),
  ),
  {
    operationId: 'MergeInstanceProposalV1',
    title:
      'a proposal merge is previewed for the holder of stalwart.proposal.merge, with the files it brings',
    user: USERS.operator,
    decision: 'allow',
    route: `${PROPOSED}/proposal/merge`,
    init: jsonPost({ dryRun: true }),
    verify: body =>
      expect(body).toMatchObject({
        dryRun: true,
        branch: 'stalwart/mail-proposed',
        into: 'main',
        files: [
          {
            status: 'added',
            path: 'instances/mail-proposed/catalog-info.yaml',
          },
        ],
      }),
  },
  ...[USERS.reader, USERS.stranger].map(
    (user): MatrixCase => ({
      operationId: 'MergeInstanceProposalV1',
      title: `a proposal merge is refused to ${user}, who lacks stalwart.proposal.merge`,
      user,
      decision: 'deny',
      route: `${PROPOSED}/proposal/merge`,
      init: jsonPost({ dryRun: false }),
    }),
  ),
  {
    operationId: 'RemediateInstanceDriftV1',
    title: 'a remediation apply runs for the holder of stalwart.settings.reset',
    user: USERS.operator,
    decision: 'allow',
    route: `${EDGE}/drift/remediations`,
    init: remediation(false, [MAX_CONNECTIONS]),
    verify: body => {
      expect(body.execution).toMatchObject({ completed: true });
      expect(body.recheck.remainingItemIds).toEqual([]);
    },
  },
];

const PERMISSION_OF: Record<string, string | undefined> = {
  Health: undefined,
  GetInstanceStatusV1: 'stalwart.instance.read',
  GetInstanceStatusesV1: 'stalwart.instance.read',
  GetInstanceDriftV1: 'stalwart.settings.read',
  RemediateInstanceDriftV1: 'stalwart.settings.reset',
  RunGitOpsActionV1: 'stalwart.gitops.reconcile',
  ListSettingsAdoptionsV1: 'stalwart.settings.read',
  AdoptSettingsDriftV1: 'stalwart.settings.adopt',
  MergeInstanceProposalV1: 'stalwart.proposal.merge',
};

/** The audit event a refused write records; reads record none. */
const REFUSAL_EVENT_OF: Record<string, string | undefined> = {
  RemediateInstanceDriftV1: 'settings-remediation',
  RunGitOpsActionV1: 'gitops-action',
  AdoptSettingsDriftV1: 'settings-adoption',
  MergeInstanceProposalV1: 'proposal-merge',
};

/** The entity a route of {@link COMPONENT_ROUTE} acts on. */
function entityRefOf(route: string): string {
  const name = route.slice(COMPONENT_ROUTE.length + 1).split('/')[0];
  return `component:default/${name}`;
}

function expectedDecisions(operation: {
  operationId: string;
  isPublic: boolean;
}): Decision[] {
  if (operation.isPublic) return ['public'];
  return ['allow', 'deny'];
}

function openApiOperations() {
  const document = parse(
    fs.readFileSync(path.join(PLUGIN, 'src/schema/openapi.yaml'), 'utf8'),
  );
  return Object.entries(document.paths as Record<string, any>).flatMap(
    ([route, methods]) =>
      Object.entries(methods as Record<string, any>).map(
        ([method, operation]) => ({
          route,
          method: method.toUpperCase(),
          operationId: operation.operationId as string,
          isPublic:
            Array.isArray(operation.security) && !operation.security.length,
        }),
      ),
  );
}

/** The routes the plugin's source registers, as `METHOD /path/{param}`. */
function registeredRoutes(): string[] {
  const routeFiles = fs
    .readdirSync(path.join(PLUGIN, 'src/routes'))
    .filter(file => file.endsWith('Routes.ts'))
    .map(file => `src/routes/${file}`);
  const sources = ['src/router.ts', ...routeFiles].map(file =>
    fs.readFileSync(path.join(PLUGIN, file), 'utf8'),
  );
  return sources.flatMap(source =>
    [
      ...source.matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']+)'/g),
    ].map(
      ([, method, route]) =>
        `${method.toUpperCase()} ${route.replace(/:([A-Za-z]+)/g, '{$1}')}`,
    ),
  );
}

describe('every route of the Stalwart backend, under ALLOW and DENY', () => {
  let backend: SecurityBackend;
  const outcomes: { decision: Decision; status: number }[] = [];

  beforeAll(async () => {
    backend = await startSecurityBackend();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('covers every operation of the OpenAPI document, and the document lists every route the plugin registers', () => {
    const operations = openApiOperations();
    expect(operations.map(o => `${o.method} ${o.route}`).sort()).toEqual(
      registeredRoutes().sort(),
    );
    for (const operation of operations) {
      const decisions = new Set(
        MATRIX.filter(c => c.operationId === operation.operationId).map(
          c => c.decision,
        ),
      );
      expect({ operation: operation.operationId, decisions }).toEqual({
        operation: operation.operationId,
        decisions: new Set(expectedDecisions(operation)),
      });
      expect(Boolean(PERMISSION_OF[operation.operationId])).toBe(
        !operation.isPublic,
      );
    }
    expect(new Set(MATRIX.map(c => c.operationId))).toEqual(
      new Set(operations.map(o => o.operationId)),
    );
  });

  /** Sends a case's request and collects everything it caused. */
  async function run(c: MatrixCase) {
    const effects = await watchSideEffects(backend.simulator);
    const policyBefore = backend.policyCalls.length;
    const auditsBefore = backend.auditor.createEvent.mock.calls.length;
    const catalogBefore = backend.catalogCalls.length;
    const res = await backend.request(c.user, c.route, c.init);
    const body = await res.json();
    const sideEffects = await effects.stop();
    const { calls, results } = backend.auditor.createEvent.mock;
    const events = await Promise.all(
      results.slice(auditsBefore).map(r => r.value),
    );
    return {
      res,
      body,
      sideEffects,
      policyAsked: backend.policyCalls.slice(policyBefore),
      catalogPrincipals: [
        ...new Set(
          backend.catalogCalls.slice(catalogBefore).map(x => x.principal),
        ),
      ],
      audits: calls.slice(auditsBefore).map(([event], i) => ({
        eventId: event.eventId,
        entityRef: event.meta?.entityRef,
        actor: event.request?.headers.authorization,
        failedWith: events[i].fail.mock.calls[0]?.[0]?.error?.name,
        succeeded: events[i].success.mock.calls.length > 0,
      })),
    };
  }
  /** The allowed writes that change something, and the audit event each records. */
  const APPLY_EVENT_OF: Record<string, string> = {
    RemediateInstanceDriftV1: 'settings-remediation',
    AdoptSettingsDriftV1: 'settings-adoption',
  };
  const isApply = (c: MatrixCase) =>
    c.operationId in APPLY_EVENT_OF && !JSON.parse(String(c.init?.body)).dryRun;

  it('answers health to anyone, saying only that the plugin is up, and asks no permission', async () => {
    const [health] = MATRIX.filter(c => c.decision === 'public');
    const { res, body, policyAsked, audits } = await run(health);
    expect(res.status).toBe(200);
    health.verify!(body);
    expect(policyAsked).toEqual([]);
    expect(audits).toEqual([]);
    outcomes.push({ decision: 'public', status: res.status });
  });

  it.each(
    MATRIX.filter(c => c.decision === 'deny').map(c => [c.title, c] as const),
  )(
    'DENY: %s, refused (403, or per entity in a batch), changing nothing, asked as the caller',
    async (_, c) => {
      const result = await run(c);
      // A batch refuses inside its answer: the entity's item carries the error, no status.
      const refusal = c.refusedPerItem ? result.body.items?.[0] : result.body;
      expect({
        status: result.res.status,
        error: refusal?.error?.name,
        instanceStatus: refusal?.status,
      }).toEqual({
        status: c.refusedPerItem ? 200 : 403,
        error: 'NotAllowedError',
        instanceStatus: undefined,
      });
      expect(result.sideEffects).toEqual({
        kubernetesWrites: 0,
        stalwartChanged: false,
        stalwartRequests: 0,
      });
      expect(result.policyAsked).toEqual([
        { user: c.user, permission: PERMISSION_OF[c.operationId] },
      ]);
      // Whatever was looked up for the decision was looked up as the refused caller.
      expect(result.catalogPrincipals).toEqual(
        result.catalogPrincipals.length ? [c.user] : [],
      );
      // Refused writes are audited as failed events of their kind; refused reads are not.
      const refusalEvent = REFUSAL_EVENT_OF[c.operationId];
      expect(result.audits).toEqual(
        refusalEvent
          ? [
              {
                eventId: refusalEvent,
                entityRef: entityRefOf(c.route),
                actor: authHeader(c.user!),
                failedWith: 'NotAllowedError',
                succeeded: false,
              },
            ]
          : [],
      );
      outcomes.push({ decision: 'deny', status: result.res.status });
    },
  );

  it.each(
    MATRIX.filter(c => c.decision === 'allow').map(c => [c.title, c] as const),
  )('ALLOW: %s, asked as the caller', async (_, c) => {
    const result = await run(c);
    expect({ status: result.res.status, body: result.body }).toMatchObject({
      status: 200,
    });
    c.verify!(result.body);
    expect(result.policyAsked).toEqual([
      { user: c.user, permission: PERMISSION_OF[c.operationId] },
    ]);
    expect(result.catalogPrincipals).toEqual([c.user]);
    expect(result.audits).toEqual(
      isApply(c)
        ? [
            {
              eventId: APPLY_EVENT_OF[c.operationId],
              entityRef: 'component:default/mail-edge',
              actor: authHeader(c.user!),
              failedWith: undefined,
              succeeded: true,
            },
          ]
        : [],
    );
    outcomes.push({ decision: 'allow', status: result.res.status });
  });

  it('records the matrix', () => {
    expect(outcomes).toHaveLength(MATRIX.length);
    const operations = openApiOperations();
    const count = (decision: Decision) =>
      outcomes.filter(o => o.decision === decision).length;
    recordFigure({
      property: 'security.permissions',
      measure: 'routes of the OpenAPI document checked (health is public)',
      value: operations.length,
      bound: '= every operation, ALLOW and DENY each',
    });
    recordFigure({
      property: 'security.permissions',
      measure: 'ALLOW cases answered 200',
      value: `${count('allow')} of ${count('allow')}`,
    });
    recordFigure({
      property: 'security.permissions',
      measure: 'DENY cases answered 403',
      value: `${count('deny')} of ${count('deny')}`,
    });
    recordFigure({
      property: 'security.permissions',
      measure:
        'Kubernetes writes, Stalwart requests and settings changes during DENY cases',
      value: 0,
      bound: '= 0',
    });
    recordFigure({
      property: 'security.permissions',
      measure:
        'users holding only stalwart.settings.read allowed to remediate (dry run or apply)',
      value: 0,
      bound: '= 0',
    });
    const remediations = MATRIX.filter(
      c => c.operationId === 'RemediateInstanceDriftV1',
    );
    const audited = remediations.filter(
      c => c.decision === 'deny' || isApply(c),
    );
    recordFigure({
      property: 'security.audit',
      measure:
        'remediation attempts audited with user and entity (denied dry runs and applies, allowed applies)',
      value: `${audited.length} of ${audited.length}`,
      bound: '= all',
    });
    recordFigure({
      property: 'security.audit',
      measure: 'allowed dry runs audited (they change nothing)',
      value: 0,
    });
  });

  it('finds no scaffolder action that checks a permission itself: the scaffolder gates them all', () => {
    // The module's actions get no permissions service: the scaffolder authorizes the task
    // (scaffolder.task.create) and each step (scaffolder.action.execute) before they run.
    const actions = Object.keys(scaffolderModule).filter(name =>
      /^create\w+Action$/.test(name),
    );
    expect(actions.length).toBeGreaterThanOrEqual(5);
    recordFigure({
      property: 'security.permissions',
      measure: `scaffolder actions (${actions.length}) checking a permission themselves`,
      value: 0,
      bound:
        'none should: scaffolder.task.create and scaffolder.action.execute gate them',
    });
  });
});
