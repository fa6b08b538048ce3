import {
  formatSpecProblems,
  parseInstanceSpec,
  renderInstance,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEMO_FLEET } from './demoPaths';

const SEEDER = {
  name: 'stalwart-demo',
  email: 'stalwart-demo@backstage.invalid',
};

/**
 * Puts the demo instances' GitOps folders on the fleet repository's default branch, rendered by
 * the project's renderer from their specs (`examples/demo-fleet/*.spec.yaml`), so that live
 * values can be adopted into them. A folder already on the branch is left as it is: merged
 * adoptions and other edits survive a restart of the demo.
 *
 * @returns the folders it added.
 */
export async function seedDemoFleetRepository(options: {
  dir: string;
  defaultBranch?: string;
  specsDir?: string;
}): Promise<string[]> {
  const defaultBranch = options.defaultBranch ?? 'main';
  const specsDir = options.specsDir ?? DEMO_FLEET;
  const repo = await LocalFleetRepository.open({
    dir: options.dir,
    defaultBranch,
  });
  const specFiles = fs
    .readdirSync(specsDir)
    .filter(file => file.endsWith('.spec.yaml'))
    .sort();
  const added: string[] = [];
  for (const file of specFiles) {
    const parsed = parseInstanceSpec(
      parse(fs.readFileSync(path.join(specsDir, file), 'utf8')),
    );
    if (!parsed.ok)
      throw new Error(
        `${file}: ${formatSpecProblems(parsed.problems).join('; ')}`,
      );
    const folder = parsed.spec.gitops.path;
    if (await repo.readFolder(defaultBranch, folder)) continue;
    await repo.propose({
      branch: defaultBranch,
      folder,
      files: await renderInstance(parsed.spec),
      update: true,
      message: `Add the demo instance ${parsed.spec.name} (rendered from ${file})`,
      author: SEEDER,
    });
    added.push(folder);
  }
  return added;
}
