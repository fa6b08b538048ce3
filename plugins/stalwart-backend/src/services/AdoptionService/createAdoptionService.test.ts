import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { mockServices } from '@backstage/backend-test-utils';
import { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import { classifyDriftV016 } from '@stalwart-backstage/plugin-stalwart-node';
// The demo's drift input is test data of the common package, not part of its published API.
import type { ResolvedInstance } from '../InstanceResolver/types';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { edgeInput } from '../../../../stalwart-node/src/drift/__testUtils__/edgeDemo';
import { createAdoptionService } from './createAdoptionService';
import { localPublisher } from './publishers/localPublisher';

const input = edgeInput();
const ITEM = 'x:SystemSettings/singleton/maxConnections';

describe('createAdoptionService on the demo edge instance', () => {
  let dir: string;
  let report = classifyDriftV016(input);
  const instance = {
    entityRef: 'component:default/mail-edge',
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'mail-edge',
        annotations: { 'stalwart.io/gitops-path': 'edge/mail' },
      },
    },
  } as unknown as ResolvedInstance;
  const service = () =>
    createAdoptionService({
      drift: {
        read: async () =>
          ({
            entity: instance.entity,
            report,
          } as any),
        toResponse: () => {
          throw new Error('unused');
        },
      },
      publisherFor: () =>
        localPublisher({
          repository: () =>
            LocalFleetRepository.open({ dir, defaultBranch: 'main' }),
          defaultBranch: 'main',
        }),
      planDirectories: [],
      auditor: mockServices.auditor.mock(),
    });
  const request = (dryRun: boolean, extra = {}) => ({
    instance,
    credentials: {
      principal: { type: 'user', userEntityRef: 'user:default/guest' },
    } as any,
    itemIds: [ITEM],
    dryRun,
    request: {} as any,
    ...extra,
  });

  beforeEach(async () => {
    report = classifyDriftV016(input);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-'));
    const repo = await LocalFleetRepository.open({
      dir,
      defaultBranch: 'main',
    });
    await repo.propose({
      branch: 'main',
      folder: 'edge/mail',
      files: [
        { path: 'settings-plan.ndjson', content: input.plan },
        { path: 'values.yaml', content: 'replicaCount: 1\n' },
      ],
      update: true,
      message: 'seed',
      author: { name: 't', email: 't@example.invalid' },
    });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('commits the adoption on its own branch, touching only the settings plan, and lists it as proposed', async () => {
    const dry = await service().adopt(request(true));
    expect(dry.files[0].diff).toContain('"maxConnections":20000');
    const applied = await service().adopt(
      request(false, { expectedLive: dry.expectedLive }),
    );
    const changed = execFileSync(
      'git',
      ['diff', '--name-only', 'main', applied.branch],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(changed.trim()).toBe('edge/mail/settings-plan.ndjson');
    expect(
      await service().proposed(instance, request(false).credentials),
    ).toEqual([{ branch: applied.branch, itemIds: [ITEM] }]);
    // After the merge, the plan declares what runs: the item is in sync, no other moved.
    const merged = execFileSync(
      'git',
      ['show', `${applied.branch}:edge/mail/settings-plan.ndjson`],
      { cwd: dir, encoding: 'utf8' },
    );
    const after = classifyDriftV016({ ...input, plan: merged });
    for (const item of report.items)
      expect(after.items.find(i => i.id === item.id)?.class).toBe(
        item.id === ITEM ? 'in-sync' : item.class,
      );
  });

  it('refuses the apply with both values when the item drifted again since the dry run', async () => {
    await expect(
      service().adopt(request(false, { expectedLive: { [ITEM]: '15000' } })),
    ).rejects.toThrow(
      `${ITEM} drifted again since the dry run: it was 15000 and is now 20000`,
    );
  });

  it('lets one of two adoptions of the same setting win and tells the other', async () => {
    const results = await Promise.allSettled([
      service().adopt(request(false)),
      service().adopt(request(false)),
    ]);
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find(
      r => r.status === 'rejected',
    ) as PromiseRejectedResult;
    expect(lost.reason.name).toBe('ConflictError');
    expect(lost.reason.message).toContain('already proposed on branch');
  });

  it('refuses to adopt a setting that an open proposal of other settings already adopts, naming that proposal', async () => {
    const first = await service().adopt(request(false));
    const adoptable = await Promise.all(
      report.items.map(item =>
        service()
          .adopt(request(true, { itemIds: [item.id] }))
          .then(dry => dry.adopted.includes(item.id) && item.id !== ITEM)
          .catch(() => false),
      ),
    );
    const other = report.items[adoptable.indexOf(true)];

    const refusal = await service()
      .adopt(request(false, { itemIds: [ITEM, other.id] }))
      .catch(error => error);

    expect(refusal.name).toBe('ConflictError');
    expect(refusal.message).toBe(
      `Another adoption of the same settings is already proposed on branch ${first.branch}: review or merge that one`,
    );
    expect(
      await service().proposed(instance, request(false).credentials),
    ).toHaveLength(1);
  });
});
