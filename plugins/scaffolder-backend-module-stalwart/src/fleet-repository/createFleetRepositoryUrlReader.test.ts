import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NotModifiedError } from '@backstage/errors';
import { createFleetRepositoryUrlReader } from './createFleetRepositoryUrlReader';
import { fileOnBranchUrl, parseFileOnBranchUrl } from './fleetUrls';
import { LocalFleetRepository } from './LocalFleetRepository';

describe('the fleet repository URL reader', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet reader-'));
    dir = path.join(root, 'repo');
    const repo = await LocalFleetRepository.open({
      dir,
      defaultBranch: 'main',
    });
    await repo.propose({
      branch: 'stalwart/mail-a',
      folder: 'clusters/prod/mail-a',
      files: [{ path: 'catalog-info.yaml', content: 'kind: Component\n' }],
      update: false,
      message: 'add',
      author: { name: 'a', email: 'a@example.com' },
    });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const url = () =>
    fileOnBranchUrl(
      dir,
      'stalwart/mail-a',
      'clusters/prod/mail-a/catalog-info.yaml',
    );

  it('reads a file from a branch by its file:// URL, even with spaces in the path', async () => {
    const { reader, predicate } = createFleetRepositoryUrlReader(
      async () => LocalFleetRepository.at({ dir, defaultBranch: 'main' }),
      dir,
    );
    expect(url()).toContain('/-/blob/stalwart%2Fmail-a/');
    expect(predicate(new URL(url()))).toBe(true);
    const response = await reader.readUrl(url());
    expect((await response.buffer()).toString()).toBe('kind: Component\n');
    await expect(
      reader.readUrl(url(), { etag: response.etag }),
    ).rejects.toThrow(NotModifiedError);
  });

  it('answers only URLs inside the configured repository', () => {
    const { predicate } = createFleetRepositoryUrlReader(
      async () => LocalFleetRepository.at({ dir, defaultBranch: 'main' }),
      dir,
    );
    for (const other of [
      'file:///etc/passwd',
      `file://${root}/other/-/blob/main/x.yaml`,
      `${url()}?x=1`,
      'https://github.com/example/fleet/blob/main/catalog-info.yaml',
      url().replace('catalog-info.yaml', '..%2F..%2Fsecret'),
    ]) {
      expect(predicate(new URL(other))).toBe(false);
    }
    expect(
      parseFileOnBranchUrl(
        dir,
        new URL(`${url().split('/-/')[0]}/-/blob/main/../../x`),
      ),
    ).toBeUndefined();
  });
});
