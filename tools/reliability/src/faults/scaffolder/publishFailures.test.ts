import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createCatalogRenderAction,
  createGitOpsRenderAction,
  createPublishLocalAction,
  createValuesRenderAction,
  LocalFleetRepository,
  type FleetFs,
} from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import { recordFigure } from '../../figures/recordFigure';
import { diskFullFs } from './diskFullFs';
import {
  fleetRepositoryState,
  fsckProblems,
  git,
  strayFiles,
} from './fleetRepositoryState';

// Dozens of real publishes (isomorphic-git) and git CLI checks on a shared CPU.
jest.setTimeout(300_000);

const NAME = 'mail-reliability';
const BRANCH = `stalwart/${NAME}`;
const FOLDER = `clusters/local/${NAME}`;
const spec = {
  name: NAME,
  namespace: 'mail',
  hostname: 'mail.example.com',
  chart: 'hiroba',
  tls: { issuer: 'letsencrypt' },
  secrets: { provider: 'existing', name: `${NAME}-secrets` },
  gitops: { engine: 'flux', path: FOLDER },
};

let root: string;
let workspace: string;
let pristine: string;
let copies = 0;

/** A fleet repository in the state `pristine` is in, for one run. */
function freshRepository(): string {
  const dir = path.join(root, `fleet-${++copies}`);
  fs.cpSync(pristine, dir, { recursive: true });
  return dir;
}

function publishInto(dir: string, fileSystem?: FleetFs) {
  const action = createPublishLocalAction({
    config: { localRepository: dir, defaultBranch: 'main' },
    repository: () =>
      LocalFleetRepository.open({ dir, defaultBranch: 'main', fs: fileSystem }),
  });
  const ctx = createMockActionContext({
    input: { spec },
    workspacePath: workspace,
  });
  return action.handler(ctx as any).then(() => ctx);
}

/** The files a successful publish may add: the new commit's new objects and its branch ref. */
function filesOfNewCommit(
  dir: string,
  before: ReturnType<typeof fleetRepositoryState>,
): Set<string> {
  const had = new Set(before.files.map(f => f.split(' ')[0]));
  const objects = git(dir, 'rev-list', '--objects', `main..${BRANCH}`)
    .split('\n')
    .map(line => line.split(' ')[0])
    .map(oid => `.git/objects/${oid.slice(0, 2)}/${oid.slice(2)}`)
    .filter(file => !had.has(file));
  return new Set([...objects, `.git/refs/heads/${BRANCH}`]);
}

/** Files after a publish that are neither there before nor part of its one commit. */
function strayAfterPublish(
  dir: string,
  before: ReturnType<typeof fleetRepositoryState>,
): string[] {
  const allowed = filesOfNewCommit(dir, before);
  return strayFiles(before, fleetRepositoryState(dir)).filter(
    f => !allowed.has(f.split(' ')[0]),
  );
}

const renderedFiles = () =>
  (
    fs.readdirSync(path.join(workspace, FOLDER), {
      recursive: true,
      withFileTypes: true,
    }) as fs.Dirent[]
  )
    .filter(e => e.isFile())
    .map(e =>
      path.relative(path.join(workspace), path.join(e.parentPath, e.name)),
    )
    .sort();

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-publish-'));
  workspace = path.join(root, 'workspace');
  fs.mkdirSync(workspace);
  for (const [action, input] of [
    [createValuesRenderAction(), { spec }],
    [createGitOpsRenderAction(), { spec }],
    [createCatalogRenderAction(), { spec, owner: 'group:default/mail-admins' }],
  ] as const) {
    await action.handler(
      createMockActionContext({ input, workspacePath: workspace }) as any,
    );
  }
  pristine = path.join(root, 'pristine');
  await LocalFleetRepository.open({ dir: pristine, defaultBranch: 'main' });
  // A fleet with history: another instance already merged on main.
  fs.mkdirSync(path.join(pristine, 'clusters/local/other'), {
    recursive: true,
  });
  fs.writeFileSync(
    path.join(pristine, 'clusters/local/other/values.yaml'),
    'replicas: 1\n',
  );
  git(pristine, 'add', '.');
  git(
    pristine,
    '-c',
    'user.name=Ops',
    '-c',
    'user.email=ops@example.com',
    'commit',
    '-qm',
    'Add instance other',
  );
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('publishing to the fleet repository when the disk fills up midway', () => {
  it('leaves the repository untouched at every point the disk can fill, and a retry then commits a sound tree', async () => {
    // One complete publish through a disk that never fills: the writes it makes, in order.
    const measured = diskFullFs();
    const measuredDir = freshRepository();
    await publishInto(measuredDir, measured.fs);
    const writes = measured.writes;
    expect(writes.length).toBeGreaterThan(renderedFiles().length);

    // Fill the disk at the first byte and in the middle of every write the publish makes.
    const budgets = new Set<number>();
    let before = 0;
    for (const write of writes) {
      budgets.add(before);
      budgets.add(before + Math.floor(write.bytes / 2));
      before += write.bytes;
    }

    let stray = 0;
    let refsMoved = 0;
    let corrupt = 0;
    let retriesSound = 0;
    for (const budget of budgets) {
      const dir = freshRepository();
      const untouched = fleetRepositoryState(dir);
      const full = diskFullFs(budget);

      await expect(publishInto(dir, full.fs)).rejects.toThrow(
        /no space left on device/,
      );

      const after = fleetRepositoryState(dir);
      expect({ budget, ...after }).toEqual({ budget, ...untouched });
      expect(fsckProblems(dir)).toEqual([]);
      stray += strayFiles(untouched, after).length;
      if (after.refs !== untouched.refs) refsMoved += 1;

      // Space is back: the same publish must now commit every rendered file, readable by git.
      await publishInto(dir);
      const problems = fsckProblems(dir);
      corrupt += problems.length;
      expect({ budget, problems }).toEqual({ budget, problems: [] });
      expect(
        git(dir, 'ls-tree', '-r', '--name-only', BRANCH)
          .split('\n')
          .filter(f => f.startsWith(`${FOLDER}/`)),
      ).toEqual(renderedFiles());
      expect(strayAfterPublish(dir, untouched)).toEqual([]);
      retriesSound += 1;
    }

    recordFigure({
      property: 'scaffolder.disk-full',
      measure:
        'file writes of one complete publish (blobs, trees, commit, ref, lock)',
      value: writes.length,
    });
    recordFigure({
      property: 'scaffolder.disk-full',
      measure:
        'points the disk filled (first byte and middle of every write), each run failing with ENOSPC',
      value: budgets.size,
    });
    recordFigure({
      property: 'scaffolder.disk-full',
      measure:
        'stray files, truncated objects or lock files left after a failed run',
      value: stray,
      bound: '= 0',
    });
    recordFigure({
      property: 'scaffolder.disk-full',
      measure: 'refs moved by a failed run',
      value: refsMoved,
      bound: '= 0',
    });
    recordFigure({
      property: 'scaffolder.disk-full',
      measure: 'git fsck problems after the retry once space is back',
      value: corrupt,
      bound: '= 0',
    });
    recordFigure({
      property: 'scaffolder.disk-full',
      measure: 'retries that then committed every rendered file',
      value: `${retriesSound} of ${budgets.size}`,
    });
  });
});

describe('publishing when the branch or the instance folder already exists', () => {
  it('refuses an existing branch stalwart/<name>, naming it, and changes nothing', async () => {
    const dir = freshRepository();
    git(dir, 'branch', BRANCH, 'main');
    const untouched = fleetRepositoryState(dir);

    await expect(publishInto(dir)).rejects.toThrow(
      `Branch ${BRANCH} already exists in the fleet repository ${dir}`,
    );

    expect(fleetRepositoryState(dir)).toEqual(untouched);
    expect(fsckProblems(dir)).toEqual([]);
    recordFigure({
      property: 'scaffolder.branch-exists',
      measure: 'existing branch: files changed in the repository',
      value: strayFiles(untouched, fleetRepositoryState(dir)).length,
      bound: '= 0',
    });
  });

  it('refuses an instance folder already on main, naming it, and changes nothing', async () => {
    const dir = freshRepository();
    fs.mkdirSync(path.join(dir, FOLDER), { recursive: true });
    fs.writeFileSync(path.join(dir, FOLDER, 'values.yaml'), 'replicas: 2\n');
    git(dir, 'add', '.');
    git(
      dir,
      '-c',
      'user.name=Ops',
      '-c',
      'user.email=ops@example.com',
      'commit',
      '-qm',
      `Add ${NAME} by hand`,
    );
    const untouched = fleetRepositoryState(dir);

    await expect(publishInto(dir)).rejects.toThrow(
      `The instance folder ${FOLDER} already exists on main`,
    );

    expect(fleetRepositoryState(dir)).toEqual(untouched);
    expect(fsckProblems(dir)).toEqual([]);
    expect(git(dir, 'show', `main:${FOLDER}/values.yaml`)).toBe('replicas: 2');
    recordFigure({
      property: 'scaffolder.branch-exists',
      measure: 'existing instance folder: files changed in the repository',
      value: strayFiles(untouched, fleetRepositoryState(dir)).length,
      bound: '= 0',
    });
  });
});

describe('concurrent publishes for the same instance name', () => {
  const RUNS = 5;

  it('lets exactly one of five simultaneous runs commit, refuses the others clearly, and adds one complete commit', async () => {
    const dir = freshRepository();
    const untouched = fleetRepositoryState(dir);

    const results = await Promise.allSettled(
      Array.from({ length: RUNS }, () => publishInto(dir)),
    );

    const succeeded = results.filter(r => r.status === 'fulfilled');
    const failed = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    expect(succeeded).toHaveLength(1);
    for (const { reason } of failed) {
      expect(reason.name).toBe('ConflictError');
      expect(reason.message).toMatch(
        new RegExp(`Branch ${BRANCH} (already exists|changed while)`),
      );
    }
    const commitsAdded = Number(
      git(dir, 'rev-list', '--count', `main..${BRANCH}`),
    );
    expect(commitsAdded).toBe(1);
    expect(git(dir, 'rev-parse', 'main')).toBe(
      untouched.refs.match(/^(\w+) refs\/heads\/main$/m)![1],
    );
    expect(
      git(dir, 'ls-tree', '-r', '--name-only', BRANCH)
        .split('\n')
        .filter(f => f.startsWith(`${FOLDER}/`)),
    ).toEqual(renderedFiles());
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(fsckProblems(dir)).toEqual([]);
    const stray = strayAfterPublish(dir, untouched);
    expect(stray).toEqual([]);

    recordFigure({
      property: 'scaffolder.concurrent',
      measure: 'runs started at once for the same name',
      value: RUNS,
    });
    recordFigure({
      property: 'scaffolder.concurrent',
      measure: 'runs that succeeded',
      value: succeeded.length,
      bound: '= 1',
    });
    recordFigure({
      property: 'scaffolder.concurrent',
      measure: 'runs refused with a ConflictError naming the branch',
      value: failed.length,
      bound: `= ${RUNS - 1}`,
    });
    recordFigure({
      property: 'scaffolder.concurrent',
      measure: 'commits added to the repository',
      value: commitsAdded,
      bound: '= 1',
    });
    recordFigure({
      property: 'scaffolder.concurrent',
      measure: 'stray files (beyond the one commit’s objects and ref)',
      value: stray.length,
      bound: '= 0',
    });
  });
});
