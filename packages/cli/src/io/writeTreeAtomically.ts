import fs from 'node:fs/promises';
import path from 'node:path';

export interface TreeFile {
  path: string;
  content: string;
}

/**
 * Writes files into `targetDir`, replacing it as a whole: everything goes into a temporary
 * sibling first and is renamed into place, so a failure never leaves a half-written folder.
 */
export async function writeTreeAtomically(
  targetDir: string,
  files: TreeFile[],
): Promise<void> {
  const parent = path.dirname(targetDir);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(
    path.join(parent, `.${path.basename(targetDir)}.tmp-`),
  );
  try {
    for (const file of files) {
      const destination = path.resolve(staging, file.path);
      if (!destination.startsWith(`${staging}${path.sep}`)) {
        throw new Error(
          `Refusing to write outside the output folder: ${file.path}`,
        );
      }
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.writeFile(destination, file.content);
    }
    const previous = `${staging}.previous`;
    const existed = await fs.rename(targetDir, previous).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    await fs.rename(staging, targetDir);
    if (existed) await fs.rm(previous, { recursive: true, force: true });
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
}
