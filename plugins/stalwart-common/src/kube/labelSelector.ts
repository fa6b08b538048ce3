type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const VALUE = String.raw`[A-Za-z0-9_.-]*`;

/**
 * A selector's requirements: its commas outside `( … )`.
 *
 * @public
 */
export function splitRequirements(selector: string): string[] {
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

/**
 * A Kubernetes `labelSelector` (=, ==, !=, in, notin, exists and !exists) as a predicate on an
 * object's labels, as kube-apiserver evaluates it. Throws on syntax the apiserver refuses.
 *
 * @public
 */
export function parseLabelSelector(
  selector: string | null | undefined,
): (object: { metadata?: { labels?: Record<string, string> } }) => boolean {
  if (!selector) return () => true;
  const requirements = splitRequirements(selector).map(parseRequirement);
  return object =>
    requirements.every(r => labelMatches(r, object?.metadata?.labels ?? {}));
}
