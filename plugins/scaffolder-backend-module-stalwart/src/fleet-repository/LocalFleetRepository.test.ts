import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  LocalFleetRepository,
  type ProposeFolderRequest,
} from './LocalFleetRepository';

const gitCli = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

const request = (
  overrides: Partial<ProposeFolderRequest> = {},
): ProposeFolderRequest => ({
  branch: 'stalwart/mail-a',
  folder: 'clusters/prod/mail-a',
  files: [
    { path: 'values.yaml', content: 'replicas: 1\n' },
    { path: 'manifests/namespace.yaml', content: 'kind: Namespace\n' },
  ],
  update: false,
  message: 'Add Stalwart instance mail-a',
  author: { name: 'Jane Doe', email: 'jane@example.com' },
  ...overrides,
});

describe('LocalFleetRepository', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-')), 'repo');
  });
  afterEach(() =>
    fs.rmSync(path.dirname(dir), { recursive: true, force: true }),
  );

  const open = () => LocalFleetRepository.open({ dir, defaultBranch: 'main' });

  it('creates the repository with an initial commit on main on first use', async () => {
    await open();
    expect(gitCli(dir, 'log', '--format=%s', 'main')).toBe(
      'Start the fleet repository',
    );
    expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    await open();
    expect(gitCli(dir, 'rev-list', '--count', 'main')).toBe('1');
  });

  it('commits the folder on a new branch, leaving main, the working tree and every other file as they were', async () => {
    const repo = await open();
    fs.mkdirSync(path.join(dir, 'clusters/prod/other'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'clusters/prod/other/values.yaml'),
      'x: 1\n',
    );
    gitCli(dir, 'add', '.');
    gitCli(
      dir,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit',
      '-qm',
      'other',
    );
    const main = gitCli(dir, 'rev-parse', 'main');

    const result = await repo.propose(request());

    expect(result).toEqual({
      branch: 'stalwart/mail-a',
      baseSha: main,
      commitSha: gitCli(dir, 'rev-parse', 'stalwart/mail-a'),
      replacedFolder: false,
    });
    expect(gitCli(dir, 'rev-parse', 'main')).toBe(main);
    expect(gitCli(dir, 'rev-parse', `${result.commitSha}^`)).toBe(main);
    expect(
      gitCli(dir, 'diff', '--name-only', main, 'stalwart/mail-a').split('\n'),
    ).toEqual([
      'clusters/prod/mail-a/manifests/namespace.yaml',
      'clusters/prod/mail-a/values.yaml',
    ]);
    expect(
      gitCli(dir, 'show', 'stalwart/mail-a:clusters/prod/mail-a/values.yaml'),
    ).toBe('replicas: 1');
    expect(
      gitCli(dir, 'log', '-1', '--format=%an <%ae>|%cn|%s', 'stalwart/mail-a'),
    ).toBe(
      'Jane Doe <jane@example.com>|Backstage scaffolder|Add Stalwart instance mail-a',
    );
    expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    expect(fs.existsSync(path.join(dir, 'clusters/prod/mail-a'))).toBe(false);
    gitCli(dir, 'fsck', '--strict');
  });

  it('refuses a branch that already exists and changes nothing', async () => {
    const repo = await open();
    await repo.propose(request());
    const refs = gitCli(dir, 'show-ref');

    await expect(
      repo.propose(
        request({ files: [{ path: 'values.yaml', content: 'replicas: 3\n' }] }),
      ),
    ).rejects.toThrow(
      /Branch stalwart\/mail-a already exists .*set update: true/,
    );
    expect(gitCli(dir, 'show-ref')).toBe(refs);
  });

  it('refuses an instance folder that already exists on main', async () => {
    const repo = await open();
    fs.mkdirSync(path.join(dir, 'clusters/prod/mail-a'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'clusters/prod/mail-a/values.yaml'),
      'old\n',
    );
    gitCli(dir, 'add', '.');
    gitCli(
      dir,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit',
      '-qm',
      'seed',
    );
    const refs = gitCli(dir, 'show-ref');

    await expect(repo.propose(request())).rejects.toThrow(
      /instance folder clusters\/prod\/mail-a already exists on main/,
    );
    await expect(repo.check(request())).rejects.toThrow(/already exists/);
    expect(gitCli(dir, 'show-ref')).toBe(refs);
  });

  it('replaces the folder as a whole with update: true, dropping files no longer rendered', async () => {
    const repo = await open();
    const first = await repo.propose(request());
    const second = await repo.propose(
      request({
        update: true,
        files: [{ path: 'values.yaml', content: 'replicas: 3\n' }],
      }),
    );
    expect(second.baseSha).toBe(first.commitSha);
    expect(second.replacedFolder).toBe(true);
    expect(gitCli(dir, 'ls-tree', '-r', '--name-only', 'stalwart/mail-a')).toBe(
      'README.md\nclusters/prod/mail-a/values.yaml',
    );
  });

  it('lets exactly one of two concurrent proposals for the same name succeed', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const results = await Promise.allSettled([
      a.propose(request({ message: 'first' })),
      b.propose(request({ message: 'second' })),
    ]);
    expect(results.map(r => r.status).sort()).toEqual([
      'fulfilled',
      'rejected',
    ]);
    const winner = results.find(
      r => r.status === 'fulfilled',
    ) as PromiseFulfilledResult<{ commitSha?: string }>;
    expect(gitCli(dir, 'rev-parse', 'stalwart/mail-a')).toBe(
      winner.value.commitSha,
    );
  });

  it('fails without moving any ref when a file sits where the folder should go', async () => {
    const repo = await open();
    fs.writeFileSync(path.join(dir, 'clusters'), 'not a folder\n');
    gitCli(dir, 'add', '.');
    gitCli(
      dir,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit',
      '-qm',
      'file',
    );
    const refs = gitCli(dir, 'show-ref');
    await expect(repo.propose(request())).rejects.toThrow(
      /"clusters" is a file/,
    );
    expect(gitCli(dir, 'show-ref')).toBe(refs);
  });

  it('publishes nothing and leaves no file behind when the disk fills midway, so a retry commits a tree git can read', async () => {
    await open();
    const files = () =>
      (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
    const before = files();
    let writes = 0;
    const fullDisk = {
      promises: {
        ...fs.promises,
        async writeFile(file: any, data: any, options?: any) {
          // From the third object of the proposal on, the disk is full.
          if (++writes < 3) return fs.promises.writeFile(file, data, options);
          await fs.promises.writeFile(file, Buffer.from(data).subarray(0, 5));
          throw Object.assign(new Error('ENOSPC: no space left on device'), {
            code: 'ENOSPC',
            syscall: 'write',
          });
        },
      } as typeof fs.promises,
    };
    const full = await LocalFleetRepository.open({
      dir,
      defaultBranch: 'main',
      fs: fullDisk,
    });

    await expect(full.propose(request())).rejects.toThrow(
      /no space left on device \(ENOSPC\)\. Nothing was published/,
    );
    expect(files()).toEqual(before);

    await (await open()).propose(request());
    expect(gitCli(dir, 'fsck', '--full', '--strict')).toBe('');
    expect(
      gitCli(dir, 'show', 'stalwart/mail-a:clusters/prod/mail-a/values.yaml'),
    ).toBe('replicas: 1');
  });

  it('reads a committed file back from its branch, with the blob id as version', async () => {
    const repo = await open();
    await repo.propose(request());
    const file = await repo.readFile(
      'stalwart/mail-a',
      'clusters/prod/mail-a/values.yaml',
    );
    expect(file.content.toString()).toBe('replicas: 1\n');
    expect(file.oid).toBe(
      gitCli(
        dir,
        'rev-parse',
        'stalwart/mail-a:clusters/prod/mail-a/values.yaml',
      ),
    );
    await expect(repo.readFile('stalwart/nope', 'x')).rejects.toThrow(
      /No branch/,
    );
    await expect(repo.readFile('stalwart/mail-a', 'nope.yaml')).rejects.toThrow(
      /No file/,
    );
  });
});
