import git, { type TreeEntry } from 'isomorphic-git';
import { ConflictError } from '@backstage/errors';
import type { FleetFs } from './fleetFs';

/** Where git objects are read and written: a repository's git directory through a filesystem. */
export interface GitStore {
  fs: FleetFs;
  gitdir: string;
}

/**
 * A file to store, with its path relative to the folder being written.
 *
 * @public
 */
export interface TreeFile {
  path: string;
  content: string;
}

const TREE_MODE = '040000';
const FILE_MODE = '100644';

/** Writes `files` as blobs and nested trees; returns the oid of the folder's tree. */
export async function writeFolderTree(
  store: GitStore,
  files: TreeFile[],
): Promise<string> {
  const here = new Map<string, TreeFile>();
  const below = new Map<string, TreeFile[]>();
  for (const file of files) {
    const [head, ...rest] = file.path.split('/');
    if (rest.length === 0) {
      here.set(head, file);
    } else {
      below.set(head, [
        ...(below.get(head) ?? []),
        { path: rest.join('/'), content: file.content },
      ]);
    }
  }
  const entries: TreeEntry[] = [];
  for (const [name, file] of here) {
    const oid = await git.writeBlob({
      ...store,
      blob: Buffer.from(file.content, 'utf8'),
    });
    entries.push({ mode: FILE_MODE, path: name, oid, type: 'blob' });
  }
  for (const [name, children] of below) {
    const oid = await writeFolderTree(store, children);
    entries.push({ mode: TREE_MODE, path: name, oid, type: 'tree' });
  }
  return git.writeTree({ ...store, tree: entries });
}

const fileInTheWay = (name: string) =>
  new ConflictError(
    `Cannot write the instance folder: "${name}" is a file in the fleet repository`,
  );

async function readEntries(
  store: GitStore,
  treeOid: string | undefined,
): Promise<TreeEntry[]> {
  if (!treeOid) return [];
  return (await git.readTree({ ...store, oid: treeOid })).tree;
}

/**
 * A copy of `rootTree` with the folder at `segments` replaced by `folderTree`; every other
 * entry of the repository keeps its oid, so nothing outside the folder changes.
 */
export async function replaceFolder(
  store: GitStore,
  rootTree: string | undefined,
  segments: string[],
  folderTree: string,
): Promise<string> {
  if (segments.length === 0) return folderTree;
  const [name, ...rest] = segments;
  const entries = await readEntries(store, rootTree);
  const existing = entries.find(e => e.path === name);
  if (existing && existing.type !== 'tree') {
    throw fileInTheWay(name);
  }
  const child = await replaceFolder(store, existing?.oid, rest, folderTree);
  return git.writeTree({
    ...store,
    tree: [
      ...entries.filter(e => e.path !== name),
      { mode: TREE_MODE, path: name, oid: child, type: 'tree' },
    ],
  });
}

/**
 * The oid of what sits at `segments` below `rootTree` (normally the instance folder's tree),
 * or undefined when nothing does; a file on the way is a conflict.
 */
export async function findFolder(
  store: GitStore,
  rootTree: string,
  segments: string[],
): Promise<string | undefined> {
  let current: TreeEntry = {
    mode: TREE_MODE,
    path: '',
    oid: rootTree,
    type: 'tree',
  };
  for (const name of segments) {
    if (current.type !== 'tree') throw fileInTheWay(current.path);
    const entry = (await readEntries(store, current.oid)).find(
      e => e.path === name,
    );
    if (!entry) return undefined;
    current = entry;
  }
  return current.oid;
}

/** Every file below a folder's tree, with paths relative to it. */
export async function readFolderTree(
  store: GitStore,
  treeOid: string,
  prefix = '',
): Promise<TreeFile[]> {
  const files: TreeFile[] = [];
  for (const entry of await readEntries(store, treeOid)) {
    const path = `${prefix}${entry.path}`;
    if (entry.type === 'tree')
      files.push(...(await readFolderTree(store, entry.oid, `${path}/`)));
    else if (entry.type === 'blob') {
      const { blob } = await git.readBlob({ ...store, oid: entry.oid });
      files.push({ path, content: Buffer.from(blob).toString('utf8') });
    }
  }
  return files;
}
