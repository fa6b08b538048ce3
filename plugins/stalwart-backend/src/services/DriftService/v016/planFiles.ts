import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return (
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  );
}

/**
 * The `file:` URL of `fileName` beside the catalog file `catalogPath`, when that lies inside
 * one of `directories` (absolute); otherwise undefined.
 */
export function planFileBeside(
  catalogPath: string,
  fileName: string,
  directories: readonly string[],
): string | undefined {
  if (!path.isAbsolute(catalogPath)) return undefined;
  const planPath = path.join(path.dirname(catalogPath), fileName);
  return directories.some(directory => isInside(directory, planPath))
    ? pathToFileURL(planPath).href
    : undefined;
}

/**
 * Reads a plan file that `planFileBeside` allowed, refusing one whose real path (symbolic
 * links followed) leaves the allowed directories, or one larger than `maxBytes`.
 */
export async function readPlanFile(
  url: string,
  directories: readonly string[],
  maxBytes: number,
): Promise<string> {
  const real = await fs.realpath(fileURLToPath(url));
  const allowed = await Promise.all(
    directories.map(directory => fs.realpath(directory).catch(() => directory)),
  );
  if (!allowed.some(directory => isInside(directory, real)))
    throw new Error(`it resolves outside stalwart.drift.planDirectories`);
  const { size } = await fs.stat(real);
  if (size > maxBytes) throw new Error(`it is larger than ${maxBytes} bytes`);
  return fs.readFile(real, 'utf8');
}
