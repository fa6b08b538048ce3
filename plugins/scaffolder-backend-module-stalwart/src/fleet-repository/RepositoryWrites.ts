import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FleetFs } from './fleetFs';

type Promises = FleetFs['promises'];

const missing = (error: unknown) =>
  (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The writes of one publish, as isomorphic-git makes them, made safe to fail midway.
 *
 * isomorphic-git writes each loose object and ref straight to its final path and never
 * rewrites an object file that exists. A full disk therefore leaves a truncated object that a
 * later publish of the same content trusts, committing a tree git cannot read. Here every
 * file is written under a temporary name beside its target and renamed into place once
 * complete, and every file and folder created is remembered so `rollback` can remove them: a
 * failed publish leaves the repository's files exactly as they were.
 *
 * Only for writes made under the repository's publish lock: `rollback` removes objects this
 * publish created, which no other publish can have started to use.
 */
export class RepositoryWrites {
  readonly fs: FleetFs;
  private readonly base: Promises;
  private readonly createdFiles: string[] = [];
  private readonly createdFolders: string[] = [];

  constructor(base: FleetFs) {
    const promises = base.promises;
    this.base = promises;
    const created = this.createdFiles;
    const folders = this.createdFolders;
    const writeFile: Promises['writeFile'] = async (file, data, options) => {
      const target = String(file);
      const existed = await promises.stat(target).then(
        () => true,
        error => (missing(error) ? false : Promise.reject(error)),
      );
      const temporary = join(
        dirname(target),
        `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
      );
      try {
        await promises.writeFile(temporary, data, options);
        await promises.rename(temporary, target);
      } catch (error) {
        await promises.rm(temporary, { force: true });
        throw error;
      }
      if (!existed) created.push(target);
    };
    const mkdir = (async (folder, options) => {
      const made = await promises.mkdir(folder, options);
      // A recursive mkdir answers the first folder it made (undefined: none); a plain one
      // answers nothing but made exactly `folder`.
      const recursive = typeof options === 'object' && options?.recursive;
      if (!recursive) folders.push(String(folder));
      else if (made) {
        const chain: string[] = [];
        for (let f = String(folder); f !== made; f = dirname(f)) chain.push(f);
        folders.push(made, ...chain.reverse());
      }
      return made;
    }) as Promises['mkdir'];
    this.fs = { promises: { ...promises, writeFile, mkdir } };
  }

  /** Removes every file and (now empty) folder these writes created, newest first. */
  async rollback(): Promise<void> {
    for (const file of this.createdFiles.splice(0).reverse()) {
      await this.base.rm(file, { force: true });
    }
    for (const folder of this.createdFolders.splice(0).reverse()) {
      await this.base.rmdir(folder).catch(() => undefined);
    }
  }
}
