import { promises as fs } from 'node:fs';
import { join, posix } from 'node:path';
import { InputError } from '@backstage/errors';
import type { TreeFile } from '../fleet-repository/gitTrees';

/** Every regular file below `dir`, with paths relative to it; symlinks are refused. */
export async function readWorkspaceFolder(
  dir: string,
  field: string,
): Promise<TreeFile[]> {
  const files: TreeFile[] = [];
  const walk = async (relative: string) => {
    let entries;
    try {
      entries = await fs.readdir(join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new InputError(
          `${field}: the workspace has no folder ${
            relative || '.'
          }; run the render steps first`,
        );
      }
      throw error;
    }
    for (const entry of entries) {
      const path = relative ? posix.join(relative, entry.name) : entry.name;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        files.push({
          path,
          content: await fs.readFile(join(dir, path), 'utf8'),
        });
      } else {
        throw new InputError(
          `${field}: ${path} is not a regular file; only rendered files are published`,
        );
      }
    }
  };
  await walk('');
  if (files.length === 0) {
    throw new InputError(`${field}: the folder to publish is empty`);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
