import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import type { ProposalMergeResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { proposedInstanceEntity } from '@stalwart-backstage/test-harness';
import request from 'supertest';
import {
  DriftBackend,
  startDriftBackend,
} from '../__testUtils__/startDriftBackend';

jest.setTimeout(30_000);

const ROUTE = '/api/stalwart/v1/entities/default/component';
const ANA = mockCredentials.user.header('user:default/ana');
const FOLDER = 'instances/mail-new';
const AUTHOR = { name: 'scaffolder', email: 'scaffolder@example.invalid' };

describe('POST /v1/entities/:namespace/:kind/:name/proposal/merge', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-merge-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  let backend: DriftBackend;
  let repo: LocalFleetRepository;
  const merge = (name: string, body: unknown) =>
    request(backend.app)
      .post(`${ROUTE}/${name}/proposal/merge`)
      .set('Authorization', ANA)
      .send(body as object);
  const propose = (name: string, files: Record<string, string>) =>
    repo.propose({
      branch: `stalwart/${name}`,
      folder: `instances/${name}`,
      files: Object.entries(files).map(([p, content]) => ({
        path: p,
        content,
      })),
      update: false,
      message: `Propose ${name}`,
      author: AUTHOR,
    });
  const events = () =>
    backend.auditor.createEvent.mock.calls.map(([event]) => event);

  beforeAll(async () => {
    repo = await LocalFleetRepository.open({ dir, defaultBranch: 'main' });
    backend = await startDriftBackend({
      stalwart: {
        gitops: { localRepository: dir },
        // One user makes every request of this file, more than the default ten a minute.
        remediation: { rateLimit: { requests: 100 } },
      },
      entities: [
        'mail-new',
        'mail-conflict',
        'mail-gone',
        'mail-race',
        'mail-stale',
      ].map(name =>
        proposedInstanceEntity({
          repoDir: dir,
          name,
          owner: 'user:default/ana',
        }),
      ),
    });
  });
  afterEach(() => {
    for (const key of Object.keys(backend.decisions))
      delete backend.decisions[key];
    backend.auditor.createEvent.mockClear();
  });
  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('previews the merge as the files it adds to main, and writes nothing', async () => {
    await propose('mail-new', {
      'catalog-info.yaml': 'kind: Component\n',
      'values.yaml': 'replicaCount: 2\n',
    });
    const main = git('rev-parse', 'main');

    const res = await merge('mail-new', { dryRun: true });

    expect(res.status).toBe(200);
    const body: ProposalMergeResultV1 = res.body;
    expect(body).toEqual({
      entityRef: 'component:default/mail-new',
      dryRun: true,
      branch: 'stalwart/mail-new',
      into: 'main',
      baseSha: main,
      headSha: git('rev-parse', 'stalwart/mail-new'),
      files: [
        { status: 'added', path: `${FOLDER}/catalog-info.yaml` },
        { status: 'added', path: `${FOLDER}/values.yaml` },
      ],
    });
    expect(git('rev-parse', 'main')).toBe(main);
    expect(events()).toEqual([]);
  });

  it('merges what the preview showed into main as a merge commit by the caller, checks the files out and audits it', async () => {
    const preview: ProposalMergeResultV1 = (
      await merge('mail-new', { dryRun: true })
    ).body;

    const res = await merge('mail-new', {
      dryRun: false,
      expectedBaseSha: preview.baseSha,
      expectedHeadSha: preview.headSha,
    });

    expect(res.status).toBe(200);
    expect(res.body.mergeSha).toBe(git('rev-parse', 'main'));
    expect(git('rev-parse', 'main^1', 'main^2').split('\n')).toEqual([
      preview.baseSha,
      preview.headSha,
    ]);
    expect(git('log', '-1', '--format=%an|%s', 'main')).toBe(
      'user:default/ana|Merge stalwart/mail-new into main',
    );
    // The checkout follows main as after `git merge`: nothing staged, the files on disk.
    expect(git('status', '--porcelain')).toBe('');
    expect(fs.readFileSync(path.join(dir, FOLDER, 'values.yaml'), 'utf8')).toBe(
      'replicaCount: 2\n',
    );
    expect(events()).toEqual([
      expect.objectContaining({
        eventId: 'proposal-merge',
        meta: { entityRef: 'component:default/mail-new' },
      }),
    ]);
    const event = await backend.auditor.createEvent.mock.results[0].value;
    expect(event.success).toHaveBeenCalledWith({
      meta: {
        branch: 'stalwart/mail-new',
        into: 'main',
        mergeSha: res.body.mergeSha,
      },
    });
  });

  it('refuses to merge a proposal again once main holds it', async () => {
    const res = await merge('mail-new', { dryRun: true });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'Branch stalwart/mail-new is already merged into main',
    );
  });

  it('refuses, with 409 and main untouched, when main moved since the preview', async () => {
    await propose('mail-race', { 'catalog-info.yaml': 'kind: Component\n' });
    const preview: ProposalMergeResultV1 = (
      await merge('mail-race', { dryRun: true })
    ).body;
    // Someone merges by hand in between.
    fs.writeFileSync(path.join(dir, 'NOTES.md'), 'hand-made\n');
    git('add', 'NOTES.md');
    git('-c', 'user.name=t', '-c', 'user.email=t@x', 'commit', '-qm', 'notes');
    const main = git('rev-parse', 'main');

    const res = await merge('mail-race', {
      dryRun: false,
      expectedBaseSha: preview.baseSha,
      expectedHeadSha: preview.headSha,
    });

    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /^main moved since the preview \([0-9a-f]{12} is now [0-9a-f]{12}\): preview the merge again$/,
    );
    expect(git('rev-parse', 'main')).toBe(main);
    const event = await backend.auditor.createEvent.mock.results[0].value;
    expect(event.fail).toHaveBeenCalled();
  });

  it('refuses a proposal that conflicts with main, naming the file, and changes nothing', async () => {
    await propose('mail-conflict', { 'values.yaml': 'replicaCount: 1\n' });
    // main gets the same folder with other contents after the branch was cut.
    fs.mkdirSync(path.join(dir, 'instances/mail-conflict'), {
      recursive: true,
    });
    fs.writeFileSync(
      path.join(dir, 'instances/mail-conflict/values.yaml'),
      'replicaCount: 3\n',
    );
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@x', 'commit', '-qm', 'clash');
    const main = git('rev-parse', 'main');

    const res = await merge('mail-conflict', { dryRun: false });

    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'Branch stalwart/mail-conflict conflicts with main in instances/mail-conflict/values.yaml: resolve the conflict on the branch, then merge again',
    );
    expect(git('rev-parse', 'main')).toBe(main);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('answers 404 naming the branch when the proposal branch was deleted', async () => {
    const res = await merge('mail-gone', { dryRun: true });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      "The proposal's branch stalwart/mail-gone no longer exists in the fleet repository: propose the instance again",
    );
  });

  it('answers 404 for an instance not proposed in the local fleet repository', async () => {
    const res = await merge('stalwart', { dryRun: true });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(
      /^component:default\/stalwart was not proposed on a branch of the local fleet repository/,
    );
  });

  it('refuses a caller without stalwart.proposal.merge with 403, audited, and merges nothing', async () => {
    await propose('mail-gone', { 'catalog-info.yaml': 'kind: Component\n' });
    backend.decisions['stalwart.proposal.merge'] = AuthorizeResult.DENY;
    const main = git('rev-parse', 'main');

    const res = await merge('mail-gone', { dryRun: false });

    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You may not merge the proposal of component:default/mail-gone',
    );
    expect(git('rev-parse', 'main')).toBe(main);
    expect(events()).toEqual([
      expect.objectContaining({ eventId: 'proposal-merge' }),
    ]);
  });

  it('rejects a body with an unknown field or a malformed commit id, naming it', async () => {
    const unknown = await merge('mail-gone', { dryRun: true, force: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/force/);
    const malformed = await merge('mail-gone', {
      dryRun: true,
      expectedBaseSha: 'main',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/expectedBaseSha/);
  });

  // Last: it leaves the checkout stale on purpose.
  it('merges beside a stale checkout, as the fleet repository\u2019s own writers leave it, without touching it', async () => {
    // The template and the demo's seeding publish by moving refs only: the checkout lags.
    await propose('mail-seeded', { 'catalog-info.yaml': 'kind: Component\n' });
    git('update-ref', 'refs/heads/main', 'stalwart/mail-seeded');
    expect(git('status', '--porcelain')).not.toBe('');
    const index = git('ls-files', '--stage');
    await propose('mail-stale', { 'values.yaml': 'replicaCount: 1\n' });

    const res = await merge('mail-stale', { dryRun: false });

    expect(res.status).toBe(200);
    expect(git('rev-parse', 'main')).toBe(res.body.mergeSha);
    expect(git('ls-files', '--stage')).toBe(index);
    expect(fs.existsSync(path.join(dir, 'instances/mail-stale'))).toBe(false);
  });
});
