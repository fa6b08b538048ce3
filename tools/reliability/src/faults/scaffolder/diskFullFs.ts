import nodeFs from 'node:fs';
import type { FleetFs } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';

type Data = string | NodeJS.ArrayBufferView;

function encodingOf(options: unknown): BufferEncoding {
  if (typeof options === 'string') return options as BufferEncoding;
  return (
    (options as { encoding?: BufferEncoding } | undefined)?.encoding ?? 'utf8'
  );
}

const bytesOf = (data: Data, options?: unknown): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, encodingOf(options))
    : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

function enospc(path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `ENOSPC: no space left on device, write '${path}'`,
  );
  error.code = 'ENOSPC';
  error.errno = -28;
  error.syscall = 'write';
  error.path = path;
  return error;
}

/**
 * Node's filesystem on a disk with `budget` bytes left: every file write counts against it, and
 * the write that crosses it stores what still fits and fails with ENOSPC, as a real full disk
 * leaves a truncated file behind. `writes` lists every write that reached the disk, for the figures.
 */
export function diskFullFs(budget = Number.POSITIVE_INFINITY) {
  const base = nodeFs.promises;
  let left = budget;
  const writes: Array<{ path: string; bytes: number }> = [];

  async function write(
    path: string,
    bytes: Buffer,
    store: (chunk: Buffer) => Promise<void>,
  ) {
    const fits = Math.min(bytes.length, Math.max(0, left));
    // Taken before storing, so concurrent writes cannot both spend the same bytes.
    left -= fits;
    try {
      await store(bytes.subarray(0, fits));
    } catch (error) {
      // Nothing stored (a missing folder, say, that the caller creates and retries): a disk
      // uses no space for it, and the run's byte count must not depend on such retries.
      left += fits;
      throw error;
    }
    writes.push({ path, bytes: bytes.length });
    if (fits < bytes.length) throw enospc(path);
  }

  const promises = {
    ...base,
    async writeFile(path: any, data: Data, options?: any) {
      await write(String(path), bytesOf(data, options), chunk =>
        base.writeFile(path, chunk, options),
      );
    },
    async open(path: any, flags?: any, mode?: any) {
      const handle = await base.open(path, flags, mode);
      const writeFile = handle.writeFile.bind(handle);
      return Object.assign(handle, {
        writeFile: (data: Data, options?: any) =>
          write(String(path), bytesOf(data, options), chunk =>
            writeFile(chunk, options),
          ),
      });
    },
  } as typeof base;

  const fs: FleetFs = { promises };
  return {
    fs,
    writes,
    bytesWritten: () => writes.reduce((sum, w) => sum + w.bytes, 0),
  };
}
