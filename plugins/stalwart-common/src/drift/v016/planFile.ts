import { InputError } from '@backstage/errors';
import type { DeclaredObject } from './types';

const OPERATIONS = new Set([
  'update',
  'upsert',
  'reconcile',
  'create',
  'destroy',
]);

/**
 * Reads a `stalwart-cli apply` plan (stalwart-v016.md §2): one operation per line,
 * `{"@type","object","matchOn","value":{cid:{…}}}`; `update` on a singleton carries the object itself.
 *
 * @public
 */
export function parseSettingsPlan(
  ndjson: string,
  labelProperty: (type: string) => string | undefined,
): DeclaredObject[] {
  const declared: DeclaredObject[] = [];
  ndjson.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let op: any;
    try {
      op = JSON.parse(line);
    } catch {
      throw new InputError(`settings plan line ${index + 1}: not JSON`);
    }
    if (!OPERATIONS.has(op?.['@type']) || typeof op.object !== 'string') {
      throw new InputError(
        `settings plan line ${index + 1}: "@type" must be one of ${[
          ...OPERATIONS,
        ].join(', ')} and "object" a type name`,
      );
    }
    const type = op.object.startsWith('x:') ? op.object : `x:${op.object}`;
    if (op['@type'] === 'update') {
      declared.push({
        type,
        operation: 'update',
        cid: 'singleton',
        matchOn: [],
        value: op.value ?? {},
      });
      return;
    }
    const label = labelProperty(type);
    let matchOn: string[] = label ? [label] : [];
    if (Array.isArray(op.matchOn)) matchOn = op.matchOn;
    for (const [cid, value] of Object.entries(op.value ?? {})) {
      declared.push({
        type,
        operation: op['@type'],
        cid,
        matchOn,
        value: value as Record<string, unknown>,
      });
    }
  });
  return declared;
}
