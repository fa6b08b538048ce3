import {
  parseInstanceSpec,
  renderInstance,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { DEMO_FLEET } from './demoPaths';
import { seedDemoFleetRepository } from './seedDemoFleetRepository';

// Each test renders the demo instances and commits them with real git: seconds, not milliseconds.
jest.setTimeout(60_000);

describe('seedDemoFleetRepository', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-fleet-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('puts each demo spec’s folder on main exactly as the renderer renders it', async () => {
    expect(await seedDemoFleetRepository({ dir })).toEqual(['edge/mail']);
    const parsed = parseInstanceSpec(
      parse(
        fs.readFileSync(path.join(DEMO_FLEET, 'mail-edge.spec.yaml'), 'utf8'),
      ),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const repo = LocalFleetRepository.at({ dir, defaultBranch: 'main' });
    const byPath = (files: { path: string; content: string }[]) =>
      Object.fromEntries(files.map(f => [f.path, f.content]));
    expect(byPath((await repo.readFolder('main', 'edge/mail'))!)).toEqual(
      byPath(await renderInstance(parsed.spec)),
    );
  });

  it('leaves a folder already on main as it is, so merged adoptions survive a restart', async () => {
    await seedDemoFleetRepository({ dir });
    const repo = LocalFleetRepository.at({ dir, defaultBranch: 'main' });
    const files = (await repo.readFolder('main', 'edge/mail'))!;
    await repo.propose({
      branch: 'main',
      folder: 'edge/mail',
      files: files.map(f =>
        f.path === 'settings-plan.ndjson'
          ? { ...f, content: `${f.content}{"merged":true}\n` }
          : f,
      ),
      update: true,
      message: 'merge an adoption',
      author: { name: 't', email: 't@example.invalid' },
    });
    const head = await repo.resolveBranch('main');

    expect(await seedDemoFleetRepository({ dir })).toEqual([]);
    expect(await repo.resolveBranch('main')).toBe(head);
  });
});
