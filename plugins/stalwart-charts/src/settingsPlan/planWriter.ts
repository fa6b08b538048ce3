import type { SettingsPlanOperation } from './planFile';

/**
 * Writes plan operations as `stalwart-cli apply` reads them: NDJSON, one operation a line, keys
 * in a fixed order so a rewritten plan diffs only where it changed.
 *
 * @public
 */
export function writeSettingsPlan(
  operations: readonly SettingsPlanOperation[],
): string {
  if (!operations.length) return '';
  return `${operations.map(writeOperation).join('\n')}\n`;
}

function writeOperation(op: SettingsPlanOperation): string {
  const ordered: Record<string, unknown> = {
    '@type': op['@type'],
    object: op.object,
  };
  if (op['@type'] === 'update' && op.id) ordered.id = op.id;
  if (op['@type'] === 'upsert' && op.matchOn) ordered.matchOn = op.matchOn;
  if (op.value !== undefined && op.value !== null) ordered.value = op.value;
  return JSON.stringify(ordered);
}
