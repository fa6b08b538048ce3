import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FleetFs } from './fleetFs';
import { RepositoryWrites } from './RepositoryWrites';

/** Node's filesystem whose `nth` file write stores half its bytes and fails like a full disk. */
function fullDiskAt(nth: number): FleetFs {
  let writes = 0;
  const promises = {
    ...fs.promises,
    async writeFile(file: any, data: any, options?: any) {
      writes += 1;
      if (writes !== nth) return fs.promises.writeFile(file, data, options);
      const bytes = Buffer.from(data);
      await fs.promises.writeFile(file, bytes.subarray(0, bytes.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device'), {
        code: 'ENOSPC',
        syscall: 'write',
      });
    },
  } as FleetFs['promises'];
  return { promises };
}

const listAll = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

describe('RepositoryWrites', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repository-writes-'));
    fs.writeFileSync(path.join(dir, 'existing'), 'before\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a file whole under its own name, with no temporary file left', async () => {
    const writes = new RepositoryWrites({ promises: fs.promises });
    await writes.fs.promises.writeFile(path.join(dir, 'object'), 'content');
    expect(fs.readFileSync(path.join(dir, 'object'), 'utf8')).toBe('content');
    expect(listAll(dir)).toEqual(['existing', 'object']);
  });

  it('leaves neither the target nor a truncated temporary file when the disk fills during a write', async () => {
    const writes = new RepositoryWrites(fullDiskAt(1));
    await expect(
      writes.fs.promises.writeFile(path.join(dir, 'object'), 'x'.repeat(64)),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(listAll(dir)).toEqual(['existing']);
  });

  it('rolls back every file and folder it created, and only those', async () => {
    const writes = new RepositoryWrites({ promises: fs.promises });
    const { promises } = writes.fs;
    await promises.mkdir(path.join(dir, 'ab'));
    await promises.writeFile(path.join(dir, 'ab', 'cdef'), 'new object');
    await promises.mkdir(path.join(dir, 'refs/heads/stalwart'), {
      recursive: true,
    });
    await promises.writeFile(path.join(dir, 'refs/heads/stalwart/x'), 'sha\n');
    await promises.writeFile(path.join(dir, 'existing'), 'after\n');

    await writes.rollback();

    expect(listAll(dir)).toEqual(['existing']);
    expect(fs.readFileSync(path.join(dir, 'existing'), 'utf8')).toBe('after\n');
  });
});
