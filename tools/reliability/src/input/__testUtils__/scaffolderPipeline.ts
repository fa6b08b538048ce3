import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { stalwartScaffolderModule } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';

/** The template's steps, in its order. */
export const STEP_IDS = [
  'stalwart:spec:validate',
  'stalwart:values:render',
  'stalwart:gitops:render',
  'stalwart:catalog:render',
  'stalwart:publish:local',
] as const;

export type StepId = (typeof STEP_IDS)[number];

/** What the template hands each step besides the spec. */
export interface TemplateInputs {
  spec: unknown;
  owner?: unknown;
  system?: unknown;
  clusters?: unknown;
  targetPath?: unknown;
  sourcePath?: unknown;
  commitMessage?: unknown;
}

const STEP_INPUTS: Record<StepId, Array<keyof TemplateInputs>> = {
  'stalwart:spec:validate': ['spec'],
  'stalwart:values:render': ['spec', 'targetPath'],
  'stalwart:gitops:render': ['spec', 'targetPath'],
  'stalwart:catalog:render': [
    'spec',
    'owner',
    'system',
    'clusters',
    'targetPath',
  ],
  'stalwart:publish:local': ['spec', 'sourcePath', 'commitMessage'],
};

/**
 * The Stalwart actions exactly as the scaffolder module registers them (its config reading and
 * its fleet repository included), publishing into `fleetDir`.
 */
export async function stalwartActions(
  fleetDir: string,
): Promise<Record<StepId, TemplateAction<any, any, any>>> {
  const registered: TemplateAction<any, any, any>[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...a: TemplateAction<any, any, any>[]) =>
            registered.push(...a),
        },
      ],
    ],
    features: [
      stalwartScaffolderModule,
      mockServices.rootConfig.factory({
        data: { stalwart: { gitops: { localRepository: fleetDir } } },
      }),
    ],
  });
  const byId = Object.fromEntries(registered.map(a => [a.id, a]));
  for (const id of STEP_IDS) {
    if (!byId[id]) throw new Error(`the module registered no ${id}`);
  }
  return byId as Record<StepId, TemplateAction<any, any, any>>;
}

/** How far a run got: the step that refused it and why, or none. */
export interface PipelineOutcome {
  completed: StepId[];
  failedStep?: StepId;
  error?: Error;
}

/** Runs one step on a workspace with the inputs the template would pass it. */
export async function runStep(
  actions: Record<StepId, TemplateAction<any, any, any>>,
  id: StepId,
  inputs: TemplateInputs,
  workspacePath: string,
): Promise<void> {
  const input = Object.fromEntries(
    STEP_INPUTS[id]
      .filter(key => inputs[key] !== undefined)
      .map(key => [key, inputs[key]]),
  );
  fs.mkdirSync(workspacePath, { recursive: true });
  await actions[id].handler(
    createMockActionContext({ input: input as any, workspacePath }) as any,
  );
}

/** validate → render values, GitOps, catalog → publish:local, stopping at the first refusal. */
export async function runPipeline(
  actions: Record<StepId, TemplateAction<any, any, any>>,
  inputs: TemplateInputs,
  workspacePath: string,
): Promise<PipelineOutcome> {
  const completed: StepId[] = [];
  for (const id of STEP_IDS) {
    try {
      await runStep(actions, id, inputs, workspacePath);
    } catch (error) {
      return { completed, failedStep: id, error: error as Error };
    }
    completed.push(id);
  }
  return { completed };
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

/** Every file below `dir` (the .git folder included), relative and sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (
    fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]
  )
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * What "untouched" means for the fleet repository: its HEAD, every ref, the working tree's
 * status, the files of every branch, and a digest of every file on disk (objects included).
 */
export function fleetSnapshot(dir: string) {
  const files = listFiles(dir);
  const digest = createHash('sha256');
  for (const file of files) {
    digest.update(file).update('\0');
    digest.update(fs.readFileSync(path.join(dir, file))).update('\0');
  }
  const refs = git(dir, 'show-ref');
  return {
    head: git(dir, 'rev-parse', 'HEAD'),
    refs,
    status: git(dir, 'status', '--porcelain', '--untracked-files=all'),
    trees: refs
      .split('\n')
      .map(line => line.split(' ')[1])
      .map(ref => `${ref}\n${git(dir, 'ls-tree', '-r', '--name-only', ref)}`),
    fileCount: files.length,
    digest: digest.digest('hex'),
  };
}

/** Files committed on any branch of the fleet repository. */
export function committedFiles(dir: string): Set<string> {
  const out = new Set<string>();
  for (const line of git(dir, 'show-ref').split('\n')) {
    const ref = line.split(' ')[1];
    for (const file of git(dir, 'ls-tree', '-r', '--name-only', ref).split(
      '\n',
    ))
      out.add(`${ref}:${file}`);
  }
  return out;
}
