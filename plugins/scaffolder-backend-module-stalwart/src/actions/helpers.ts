import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname, posix } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  assertInstanceSpec,
  type InstanceSpec,
  type RenderedFile,
} from '@stalwart-backstage/plugin-stalwart-charts';

/**
 * The validated spec with defaults applied; an InputError listing every problem by field path
 * (`hostname: must be a fully qualified ...`) otherwise.
 */
export function parseSpecInput(input: unknown): InstanceSpec {
  return assertInstanceSpec(input);
}

/**
 * The workspace folder an action writes into or reads from: the given one or the spec's
 * gitops.path. A given folder must stay inside the workspace; the error names the input
 * (`targetPath`, `sourcePath`) rather than the file a write would have escaped to.
 */
export function instanceFolder(
  spec: InstanceSpec,
  folder?: string,
  field = 'targetPath',
) {
  if (folder === undefined) return posix.normalize(spec.gitops.path);
  const normalized = typeof folder === 'string' ? posix.normalize(folder) : '';
  if (
    normalized === '' ||
    normalized === '.' ||
    normalized.startsWith('/') ||
    normalized === '..' ||
    normalized.startsWith('../') ||
    normalized.includes('\\') ||
    normalized.includes('\0')
  ) {
    throw new InputError(
      `${field}: must be a folder inside the workspace: a relative path without a leading "/", ".." above the workspace or a backslash`,
    );
  }
  return normalized;
}

/**
 * Writes rendered files below `folder` of the workspace, refusing any path that would leave
 * it; returns the written paths relative to the workspace.
 */
export async function writeWorkspaceFiles(
  workspacePath: string,
  folder: string,
  files: RenderedFile[],
): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const relative = posix.join(folder, file.path);
    const target = resolveSafeChildPath(workspacePath, relative);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, file.content, 'utf8');
    written.push(relative);
  }
  return written.sort();
}

/** `sha256:<hex>` of a file's content, to tell renders apart without reading them. */
export function contentDigest(content: string): string {
  return `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`;
}

/** The branch an instance is proposed on in the fleet repository. */
export const instanceBranch = (spec: InstanceSpec) => `stalwart/${spec.name}`;

/** The catalog entity the instance's catalog-info.yaml declares. */
export const instanceEntityRef = (spec: InstanceSpec) =>
  `component:default/${spec.name}`;
