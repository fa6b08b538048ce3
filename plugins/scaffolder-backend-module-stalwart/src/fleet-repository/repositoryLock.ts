import { ConflictError } from '@backstage/errors';
import { nodeFleetFs, type FleetFs } from './fleetFs';

/** How long a publish may hold the lock before another process treats it as abandoned. */
const STALE_AFTER_MS = 120_000;

/**
 * Runs `fn` holding an exclusive lock file (created with O_EXCL, so two processes sharing the
 * repository cannot both hold it). Waits up to `waitMs`; a lock older than two minutes is left
 * by a crashed process and is taken over.
 */
export async function withRepositoryLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  {
    waitMs = 30_000,
    fileSystem = nodeFleetFs,
  }: { waitMs?: number; fileSystem?: FleetFs } = {},
): Promise<T> {
  const fs = fileSystem.promises;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
      } catch (error) {
        // A lock file left behind (disk full) would block every publish until it turns stale.
        await handle.close().catch(() => undefined);
        await fs.rm(lockPath, { force: true });
        throw error;
      }
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await fs
        .stat(lockPath)
        .then(s => Date.now() - s.mtimeMs)
        .catch(() => 0);
      if (age > STALE_AFTER_MS) {
        await fs.rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ConflictError(
          `The fleet repository is busy: ${lockPath} has been held for ${Math.round(
            age / 1000,
          )} s by another publish`,
        );
      }
      await new Promise(r => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}
