import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordFigure } from '../figures/recordFigure';
import {
  baseSpec,
  hostileCases,
  injectionCases,
  type HostileCase,
} from './__testUtils__/hostileInputs';
import {
  committedFiles,
  fleetSnapshot,
  listFiles,
  runPipeline,
  runStep,
  STEP_IDS,
  stalwartActions,
  type StepId,
} from './__testUtils__/scaffolderPipeline';

// Each row runs the template's five actions; the huge rows parse 10,000 entries.
jest.setTimeout(120_000);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('hostile specs and template inputs', () => {
  let root: string;
  let fleet: string;
  let actions: Awaited<ReturnType<typeof stalwartActions>>;
  let before: ReturnType<typeof fleetSnapshot>;
  let beforeFiles: Set<string>;
  const tried = new Map<string, number>();
  const refused = new Map<string, number>();
  let workspaceFilesWritten = 0;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-hostile-'));
    fleet = path.join(root, 'fleet');
    actions = await stalwartActions(fleet);
    // A valid run first: the pipeline works, so every refusal below is the input's doing.
    const seeded = await runPipeline(
      actions,
      { spec: baseSpec('mail-seed'), owner: 'group:default/mail-admins' },
      path.join(root, 'seed'),
    );
    if (seeded.failedStep)
      throw new Error(
        `the valid seed run failed at ${seeded.failedStep}: ${seeded.error}`,
      );
    before = fleetSnapshot(fleet);
    beforeFiles = committedFiles(fleet);
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  let n = 0;
  const expectRefusal = async (row: HostileCase) => {
    tried.set(row.inputClass, (tried.get(row.inputClass) ?? 0) + 1);
    const workspace = path.join(root, `ws-${n++}`);
    const outcome = await runPipeline(actions, row.inputs, workspace);

    expect(outcome.failedStep).toBe(row.step);
    expect(outcome.error?.name).toBe('InputError');
    expect(outcome.error?.message).toMatch(
      new RegExp(`^${escape(row.field)}: (${row.rule.source})`, 'm'),
    );
    if (row.step === 'stalwart:spec:validate') {
      // Each action parses the spec itself: calling a later step directly is refused as well.
      for (const id of STEP_IDS.slice(1) as StepId[]) {
        await expect(
          runStep(actions, id, row.inputs, workspace),
        ).rejects.toThrow(`${row.field}: `);
      }
      workspaceFilesWritten += listFiles(workspace).length;
      expect(listFiles(workspace)).toEqual([]);
    }
    expect(fleetSnapshot(fleet).digest).toBe(before.digest);
    refused.set(row.inputClass, (refused.get(row.inputClass) ?? 0) + 1);
    fs.rmSync(workspace, { recursive: true, force: true });
  };

  it.each(hostileCases().map(row => [row.inputClass, row.title, row] as const))(
    'refuses %s: %s, naming the field and the rule, and writes nothing',
    async (_class, _title, row) => {
      expect.hasAssertions();
      await expectRefusal(row);
    },
  );

  it.each(injectionCases().map(row => [row.title, row] as const))(
    'refuses %s, naming the field, and writes nothing',
    async (_title, row) => {
      expect.hasAssertions();
      await expectRefusal(row);
    },
  );

  it('leaves the fleet repository untouched: HEAD, every ref, status and every branch’s files', () => {
    const after = fleetSnapshot(fleet);
    expect(after).toEqual(before);
    const written = [...committedFiles(fleet)].filter(f => !beforeFiles.has(f));
    expect(written).toEqual([]);
    expect(workspaceFilesWritten).toBe(0);

    const total = [...tried.values()].reduce((a, b) => a + b, 0);
    const named = [...refused.values()].reduce((a, b) => a + b, 0);
    expect(named).toBe(total);
    for (const [inputClass, count] of [...tried].sort()) {
      recordFigure({
        property: 'input.hostile-specs',
        measure: `${inputClass}: inputs tried`,
        value: count,
      });
    }
    recordFigure({
      property: 'input.hostile-specs',
      measure:
        'inputs tried, all classes (each through validate, render and publish:local)',
      value: total,
    });
    recordFigure({
      property: 'input.hostile-specs',
      measure: 'refused with an error naming the field path and the rule',
      value: named,
      bound: `= ${total}`,
    });
    recordFigure({
      property: 'input.hostile-specs',
      measure: 'files written to the fleet repository or the workspace',
      value: written.length + workspaceFilesWritten,
      bound: '= 0',
    });
  });
});
