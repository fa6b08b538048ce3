import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FleetFs } from './fleetFs';
import { withRepositoryLock } from './repositoryLock';

describe('withRepositoryLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repository-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('removes its lock file when the disk is full while taking it, so the next publish is not blocked', async () => {
    const lock = path.join(dir, 'stalwart-publish.lock');
    const fullDisk: FleetFs = {
      promises: {
        ...fs.promises,
        async open(file: any, flags?: any) {
          const handle = await fs.promises.open(file, flags);
          return Object.assign(handle, {
            writeFile: async () => {
              throw Object.assign(new Error('ENOSPC: no space left'), {
                code: 'ENOSPC',
              });
            },
          });
        },
      } as FleetFs['promises'],
    };
    const fn = jest.fn(async () => 'ran');

    await expect(
      withRepositoryLock(lock, fn, { fileSystem: fullDisk }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fn).not.toHaveBeenCalled();
    expect(fs.existsSync(lock)).toBe(false);
    await expect(withRepositoryLock(lock, fn, { waitMs: 0 })).resolves.toBe(
      'ran',
    );
  });
});
