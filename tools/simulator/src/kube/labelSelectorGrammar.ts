/**
 * kube-apiserver's `labelSelector` grammar (k8s.io/apimachinery `labels.Parse`), written from
 * its lexer and parser rules so the product's own parser is checked against something it did
 * not write: `!`, `!=`, `=`, `==`, `in`, `notin`, `(`, `)`, `,`, `>`, `<` are tokens, anything
 * else between them an identifier; keys must be qualified names and values label values.
 */
export type Requirement =
  | { key: string; op: 'exists' | 'doesNotExist' }
  | { key: string; op: 'in' | 'notIn'; values: string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

const SPECIAL = new Set(['!', '(', ')', ',', '=', '<', '>']);
const OPERATORS = ['!=', '==', '!', '(', ')', ',', '=', '<', '>'];
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function tokenize(selector: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < selector.length) {
    const ch = selector[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (SPECIAL.has(ch)) {
      const at = i;
      const op = OPERATORS.find(o => selector.startsWith(o, at))!;
      tokens.push(op);
      i += op.length;
    } else {
      let end = i;
      while (
        end < selector.length &&
        !SPECIAL.has(selector[end]) &&
        !/\s/.test(selector[end])
      )
        end += 1;
      tokens.push(`id:${selector.slice(i, end)}`);
      i = end;
    }
  }
  return tokens;
}

function validKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (name.length > 63 || !NAME.test(name)) return false;
  if (parts.length === 1) return true;
  return parts[0].length <= 253 && DNS_SUBDOMAIN.test(parts[0]);
}

const validValue = (value: string) =>
  value === '' || (value.length <= 63 && NAME.test(value));

/** Parses a selector as kube-apiserver does; throws on what it refuses. */
export function parseSelectorRequirements(selector: string): Requirement[] {
  const tokens = tokenize(selector);
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`unable to parse requirement: ${why} in '${selector}'`);
  };
  const peek = () => tokens[at];
  const identifier = (what: string) => {
    const token = tokens[at++];
    if (!token?.startsWith('id:')) fail(`${what} expected`);
    return token.slice(3);
  };
  const key = () => {
    const k = identifier('key');
    if (!validKey(k)) fail(`invalid label key "${k}"`);
    return k;
  };
  const value = () => {
    const next = peek();
    if (next === undefined || next === ',' || next === ')') return '';
    const v = identifier('value');
    if (!validValue(v)) fail(`invalid label value "${v}"`);
    return v;
  };
  const requirement = (): Requirement => {
    if (peek() === '!') {
      at += 1;
      return { key: key(), op: 'doesNotExist' };
    }
    const k = key();
    const op = peek();
    if (op === undefined || op === ',') return { key: k, op: 'exists' };
    at += 1;
    if (op === 'id:in' || op === 'id:notin') {
      if (tokens[at++] !== '(') fail(`'(' expected after ${op.slice(3)}`);
      const values = [value()];
      while (peek() === ',') {
        at += 1;
        values.push(value());
      }
      if (tokens[at++] !== ')') fail(`')' expected`);
      return { key: k, op: op === 'id:in' ? 'in' : 'notIn', values };
    }
    if (op === '=' || op === '==' || op === '!=') {
      return { key: k, op: op === '!=' ? 'notIn' : 'in', values: [value()] };
    }
    if (op === '>' || op === '<') {
      const text = identifier('integer');
      if (!/^-?\d+$/.test(text)) fail(`"${text}" is not an integer`);
      return { key: k, op: op === '>' ? 'gt' : 'lt', value: Number(text) };
    }
    return fail(`unexpected "${op.replace(/^id:/, '')}" after key "${k}"`);
  };

  const requirements: Requirement[] = [];
  if (tokens.length === 0) return requirements;
  for (;;) {
    requirements.push(requirement());
    if (at === tokens.length) return requirements;
    if (tokens[at++] !== ',') fail(`',' expected`);
  }
}

/** Whether labels satisfy one requirement, as `labels.Requirement.Matches`. */
export function requirementMatches(
  requirement: Requirement,
  labels: Record<string, string>,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.op) {
    case 'exists':
      return has;
    case 'doesNotExist':
      return !has;
    case 'in':
      return has && requirement.values.includes(value);
    case 'notIn':
      return !has || !requirement.values.includes(value);
    default: {
      if (!has || !/^-?\d+$/.test(value)) return false;
      return requirement.op === 'gt'
        ? Number(value) > requirement.value
        : Number(value) < requirement.value;
    }
  }
}
