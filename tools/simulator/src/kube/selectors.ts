type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

export type ObjectPredicate = (object: any) => boolean;

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const VALUE = String.raw`[A-Za-z0-9_.-]*`;

/** Splits on commas that are not inside `( … )`. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

function parseRequirement(text: string): LabelRequirement {
  let m = text.match(new RegExp(`^(${KEY})\\s+(in|notin)\\s+\\(([^)]*)\\)$`));
  if (m) {
    const values = m[3].split(',').map(v => v.trim());
    return { key: m[1], op: m[2] as 'in' | 'notin', values };
  }
  m = text.match(new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`));
  if (m)
    return { key: m[1], op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]] };
  m = text.match(new RegExp(`^!\\s*(${KEY})$`));
  if (m) return { key: m[1], op: 'notexists' };
  m = text.match(new RegExp(`^(${KEY})$`));
  if (m) return { key: m[1], op: 'exists' };
  throw new Error(`unable to parse requirement: ${JSON.stringify(text)}`);
}

function labelMatches(
  req: LabelRequirement,
  labels: Record<string, string>,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.op) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'in':
      return has && req.values.includes(labels[req.key]);
    default:
      return !has || !req.values.includes(labels[req.key]);
  }
}

/** `labelSelector` with =, ==, !=, in, notin, exists and !exists. Throws on bad syntax. */
export function parseLabelSelector(selector: string | null): ObjectPredicate {
  if (!selector) return () => true;
  const requirements = splitRequirements(selector).map(parseRequirement);
  return object =>
    requirements.every(r => labelMatches(r, object?.metadata?.labels ?? {}));
}

const SUPPORTED_FIELDS: Record<string, (o: any) => string | undefined> = {
  'metadata.name': o => o.metadata?.name,
  'metadata.namespace': o => o.metadata?.namespace,
};

/**
 * `fieldSelector` on `metadata.name` and `metadata.namespace` (=, ==, !=), the fields
 * every kind supports. Throws with the apiserver's message for other fields.
 */
export function parseFieldSelector(selector: string | null): ObjectPredicate {
  if (!selector) return () => true;
  const checks = splitRequirements(selector).map(part => {
    const m = part.match(/^([^!=]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m)
      throw new Error(
        `invalid selector: '${selector}'; can't understand '${part}'`,
      );
    const field = m[1].trim();
    const read = SUPPORTED_FIELDS[field];
    if (!read) {
      throw new Error(
        `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      );
    }
    const negate = m[2] === '!=';
    return (o: any) => (read(o) === m[3]) !== negate;
  });
  return object => checks.every(check => check(object));
}
