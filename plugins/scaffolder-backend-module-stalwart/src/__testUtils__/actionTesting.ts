import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { JsonObject } from '@backstage/types';
import type {
  ActionContext,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/** A fresh temporary directory, removed by `cleanup`. */
export function temporaryDirectory() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stalwart-actions-'));
  return {
    dir,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The input of the first step of an example. */
export function exampleInput(example: TemplateExample): JsonObject {
  return parse(example.example).steps[0].input;
}

/** A mock action context on a real workspace folder, and its outputs as an object. */
export function actionContext<TInput extends JsonObject>(
  input: TInput,
  workspacePath: string,
  extra: { isDryRun?: boolean } = {},
) {
  fs.mkdirSync(workspacePath, { recursive: true });
  // Typed loosely: each action narrows its context to its own input schema.
  const ctx: ActionContext<any, any> = {
    ...createMockActionContext({ input, workspacePath }),
    ...extra,
  };
  const outputs = () =>
    Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
  return { ctx, outputs };
}

/** Every file below `dir`, relative and sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (
    fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]
  )
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
