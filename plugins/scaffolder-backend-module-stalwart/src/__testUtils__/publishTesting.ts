import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { JsonObject } from '@backstage/types';
import { LocalFleetRepository } from '../fleet-repository/LocalFleetRepository';
import { createCatalogRenderAction } from '../actions/catalogRender';
import { createGitOpsRenderAction } from '../actions/gitopsRender';
import { createPublishLocalAction } from '../actions/publishLocal';
import { actionContext } from './actionTesting';
import { createValuesRenderAction } from '../actions/valuesRender';

export const gitCli = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

/** The publish action on a fleet repository in `root`/fleet, as the module wires it. */
export function publishActionIn(root: string) {
  const dir = path.join(root, 'fleet');
  const action = createPublishLocalAction({
    config: { localRepository: dir, defaultBranch: 'main' },
    repository: () => LocalFleetRepository.open({ dir, defaultBranch: 'main' }),
  });
  return { dir, action };
}

/** Runs the three render actions into a workspace, as the template does before publishing. */
export async function renderInto(workspace: string, spec: JsonObject) {
  for (const action of [
    createValuesRenderAction(),
    createGitOpsRenderAction(),
  ]) {
    await action.handler(actionContext({ spec }, workspace).ctx);
  }
  await createCatalogRenderAction().handler(
    actionContext({ spec, owner: 'group:default/mail-admins' }, workspace)
      .ctx as any,
  );
}
