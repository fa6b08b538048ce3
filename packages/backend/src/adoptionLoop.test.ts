import { execFileSync } from 'node:child_process';
import type {
  AdoptionResultV1,
  InstanceDriftResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  haveReferenceCharts,
  REFERENCE_CHARTS,
  startBackendWithSimulator,
  type BackendWithSimulator,
} from '@stalwart-backstage/test-harness';

const haveCharts = haveReferenceCharts('the adoption loop test');

const EDGE = '/api/stalwart/v1/entities/default/component/mail-edge';
// Raised in the demo server's admin UI: the plan declares 15000, the registry runs 20000.
const ITEM = 'x:SystemSettings/singleton/maxConnections';

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=reviewer', '-c', 'user.email=r@example.com', ...args],
    { cwd, encoding: 'utf8' },
  ).trim();

/** What a pull request's merge button does: a merge commit on main, no work tree touched. */
function mergeIntoMain(repo: string, branch: string): string {
  const main = git(repo, 'rev-parse', 'main');
  const tree = git(repo, 'merge-tree', '--write-tree', 'main', branch);
  const merge = git(
    repo,
    'commit-tree',
    tree,
    '-p',
    main,
    '-p',
    branch,
    '-m',
    `Merge ${branch}`,
  );
  git(repo, 'update-ref', 'refs/heads/main', merge, main);
  return merge;
}

const classes = (drift: InstanceDriftResponseV1) =>
  Object.fromEntries(drift.items.map(item => [item.id, item.class]));

// Issue 21's "done when", on the demo as scripts/serve-demo.sh runs it: the backend reads the
// edge instance's plan from main of the seeded fleet repository, which the simulated Flux deploys.
(haveCharts ? describe : describe.skip)(
  'keeping a live value of the demo edge instance',
  () => {
    let stack: BackendWithSimulator;
    let fleetRepo: string;

    beforeAll(async () => {
      stack = await startBackendWithSimulator({
        gitops: { chartsDir: REFERENCE_CHARTS },
      });
      fleetRepo = stack.fleetRepo;
    }, 180_000);

    afterAll(async () => {
      await stack?.stop();
    }, 60_000);

    const adopt = async (body: object) => {
      const res = await stack.request(`${EDGE}/drift/adoptions`, {
        method: 'POST',
        body: JSON.stringify({ itemIds: [ITEM], ...body }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as AdoptionResultV1;
    };

    it('proposes a branch touching only its settings plan, and reads in sync once merged and reconciled with no other item moved', async () => {
      const before = await stack.waitForJson<InstanceDriftResponseV1>(
        `${EDGE}/drift`,
      );
      expect(before.errors).toEqual([]);
      expect(classes(before)[ITEM]).toBe('changed-live');

      const dry = await adopt({ dryRun: true });
      expect(dry.files.map(f => f.path)).toEqual(['settings-plan.ndjson']);
      expect(git(fleetRepo, 'branch', '--list', dry.branch)).toBe('');

      const applied = await adopt({
        dryRun: false,
        expectedLive: dry.expectedLive,
      });
      expect(applied.branch).toBe(dry.branch);
      expect(
        git(fleetRepo, 'diff', '--name-only', 'main', applied.branch),
      ).toBe('edge/mail/settings-plan.ndjson');
      // Proposed, not merged: main, and so the drift, are as they were.
      expect(classes(await stack.waitForJson(`${EDGE}/drift`))).toEqual(
        classes(before),
      );

      const merge = mergeIntoMain(fleetRepo, applied.branch);
      await stack.simulator.simulator.gitops!.reconcileNow();
      expect(stack.simulator.simulator.gitops!.revision()).toBe(merge);

      const after = await stack.waitForJson<InstanceDriftResponseV1>(
        `${EDGE}/drift`,
      );
      expect(after.errors).toEqual([]);
      expect(classes(after)).toEqual({
        ...classes(before),
        [ITEM]: 'in-sync',
      });
    }, 120_000);
  },
);
