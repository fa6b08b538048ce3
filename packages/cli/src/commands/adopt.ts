import fs from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { type InstanceDriftResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import {
  parseInstanceSpec,
  formatSpecProblems,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { ADOPTABLE_CLASSES } from '@stalwart-backstage/plugin-stalwart-common';
import {
  adoptIntoSpec,
  type AdoptionRefusal,
  planAdoptionV016,
  SETTINGS_PLAN_PATH,
  unifiedDiff,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { CommandResult } from './render';

export interface AdoptCommandOptions {
  spec: string;
  fromLive: string;
  out?: string;
  item?: string[];
  dryRun?: boolean;
}

const resolveUserPath = (p: string) =>
  path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

const refusalLines = (refused: AdoptionRefusal[]) =>
  refused.map(r => `refused ${r.itemId}: ${r.reason}`);

/**
 * Writes the live values of a drift report (`GET …/drift`, saved as JSON) into git locally:
 * v0.16 into `<out>/<gitops.path>/settings-plan.ndjson`, v0.15 into the spec's fields.
 */
export async function adoptCommand(
  options: AdoptCommandOptions,
): Promise<CommandResult> {
  const specFile = resolveUserPath(options.spec);
  const specText = await fs.readFile(specFile, 'utf8');
  const specDocument = parseDocument(specText, { uniqueKeys: true });
  const spec = specDocument.toJS() as Record<string, any>;
  const parsed = parseInstanceSpec(spec);
  if (!parsed.ok)
    return {
      exitCode: 1,
      stdout: [],
      stderr: formatSpecProblems(parsed.problems),
    };
  const report = JSON.parse(
    await fs.readFile(resolveUserPath(options.fromLive), 'utf8'),
  ) as InstanceDriftResponseV1;
  if (!Array.isArray(report?.items) || !report.engine)
    return {
      exitCode: 2,
      stdout: [],
      stderr: [`${options.fromLive}: not a drift report (no engine or items)`],
    };
  const itemIds =
    options.item ??
    report.items
      .filter(i => ADOPTABLE_CLASSES.includes(i.class))
      .map(i => i.id);

  let file: string;
  let before: string;
  let after: string;
  let refused: AdoptionRefusal[];
  if (report.engine === 'v0.16') {
    if (!options.out)
      return {
        exitCode: 2,
        stdout: [],
        stderr: [
          '--out (the GitOps checkout holding the settings plan) is required for v0.16',
        ],
      };
    file = path.join(
      resolveUserPath(options.out),
      ...parsed.spec.gitops.path.split('/'),
      SETTINGS_PLAN_PATH,
    );
    before = await fs.readFile(file, 'utf8');
    const change = planAdoptionV016({
      items: report.items,
      itemIds,
      plan: before,
    });
    after = change.files[0]?.after ?? before;
    refused = change.refused;
  } else {
    const selected = report.items.filter(i => itemIds.includes(i.id));
    const unknown = itemIds.filter(id => !selected.some(i => i.id === id));
    const result = adoptIntoSpec({ spec, items: selected });
    refused = [
      ...unknown.map(itemId => ({
        itemId,
        reason: `${itemId} is not in the drift report`,
      })),
      ...result.refused,
    ];
    for (const key of Object.keys(result.spec))
      if (JSON.stringify(result.spec[key]) !== JSON.stringify(spec[key]))
        specDocument.set(key, result.spec[key]);
    file = specFile;
    before = specText;
    after = result.spec === spec ? specText : specDocument.toString();
  }
  const diff = unifiedDiff(path.basename(file), before, after);
  if (diff && !options.dryRun) await fs.writeFile(file, after);
  return {
    exitCode: refused.length && !diff ? 1 : 0,
    stdout: diff
      ? [
          diff.trimEnd(),
          options.dryRun ? `(dry run: ${file} not written)` : `wrote ${file}`,
        ]
      : ['nothing to adopt'],
    stderr: refusalLines(refused),
  };
}
