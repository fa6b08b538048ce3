/**
 * The simulated Stalwart's own reading of config.toml, written apart from the product's
 * `parseStalwartToml` so that the product's parser is tested against something it did not
 * write. It follows what Stalwart v0.15 does (`crates/utils/src/config/parser.rs`): the file
 * becomes flat dotted keys, arrays and `[[tables]]` number their items `0000`, `0001`, …,
 * inline tables nest their keys, unquoted header characters are lowercased, scalars keep the
 * text they were written with, and a key may be both a value and a table (`enable = true`
 * beside `enable.log-exporter = true`), which stock TOML parsers refuse.
 */
export type FlatStalwartConfig = Record<string, string>;

const index4 = (n: number) => n.toString().padStart(4, '0');
const BARE = /[\p{L}\p{N}.+\-]/u;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

export function readStalwartToml(text: string): FlatStalwartConfig {
  const out = new Map<string, string>();
  const arrayTables = new Map<string, number>();
  let i = 0;
  let line = 1;

  const fail = (what: string): never => {
    throw new Error(`${what} at line ${line}`);
  };
  const set = (key: string, scalar: string) => {
    if (out.has(key)) fail(`Duplicate key ${JSON.stringify(key)}`);
    out.set(key, scalar);
  };
  const skipBlank = (newlines: boolean) => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\r') i++;
      else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
      else if (c === '\n' && newlines) {
        i++;
        line++;
      } else break;
    }
  };

  function quoted(quote: string): string {
    if (text.startsWith(quote.repeat(3), i)) {
      i += 3;
      if (text[i] === '\n') {
        i++;
        line++;
      }
      const end = text.indexOf(quote.repeat(3), i);
      if (end < 0) fail('Unterminated multi-line string');
      const body = text.slice(i, end);
      line += body.split('\n').length - 1;
      i = end + 3;
      return body;
    }
    i++;
    let content = '';
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\n') fail('Unexpected end of line in a string');
      if (text[i] === '\\' && i + 1 < text.length) {
        const next = text[i + 1];
        content += ESCAPES[next] ?? next;
        i += 2;
      } else content += text[i++];
    }
    if (i >= text.length) fail('Unterminated string');
    i++;
    return content;
  }

  function keyPath(stop: RegExp): string {
    const parts: string[] = [];
    let part = '';
    skipBlank(false);
    while (i < text.length && !stop.test(text[i])) {
      const c = text[i];
      if (c === '"') part += quoted('"');
      else if (c === ' ' || c === '\t') i++;
      else if (c === '\n') fail('Unexpected end of line in a key');
      else {
        part += c;
        i++;
      }
    }
    parts.push(part);
    const key = parts.join('');
    if (!key) fail('Empty key');
    return key;
  }

  function value(key: string, depth: number): void {
    if (depth > 10) fail('Too many nested structures');
    skipBlank(depth > 0);
    const c = text[i];
    if (c === '[') {
      i++;
      for (let n = 0; ; n++) {
        skipBlank(true);
        if (text[i] === ']') {
          i++;
          return;
        }
        value(`${key}.${index4(n)}`, depth + 1);
        skipBlank(true);
        if (text[i] === ',') i++;
        else if (text[i] !== ']') fail('Expected , or ] in an array');
      }
    } else if (c === '{') {
      i++;
      for (;;) {
        skipBlank(true);
        if (text[i] === '}') {
          i++;
          return;
        }
        const sub = keyPath(/[=,}]/);
        if (text[i] === '=') {
          i++;
          value(`${key}.${sub}`, depth + 1);
        } else set(`${key}.${sub}`, '');
        skipBlank(true);
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('Expected , or } in an inline table');
      }
    } else if (c === '"' || c === "'") {
      set(key, quoted(c));
    } else if (c !== undefined && BARE.test(c)) {
      const start = i;
      while (i < text.length && BARE.test(text[i])) i++;
      set(key, text.slice(start, i));
    } else fail(`Unexpected ${JSON.stringify(c ?? 'end of file')} in a value`);
  }

  function header(): string {
    i++;
    const isArray = text[i] === '[';
    if (isArray) i++;
    let name = '';
    while (i < text.length && text[i] !== ']') {
      const c = text[i];
      if (c === '"') name += quoted('"');
      else if (/[A-Za-z0-9._-]/.test(c) || /[\p{L}\p{N}]/u.test(c)) {
        name += c.toLowerCase();
        i++;
      } else if (c === ' ' || c === '\t') i++;
      else fail(`Unexpected ${JSON.stringify(c)} in a table header`);
    }
    if (!name) fail('Empty table name');
    i += isArray ? 2 : 1;
    if (!isArray) return name;
    const n = arrayTables.get(name) ?? -1;
    arrayTables.clear();
    arrayTables.set(name, n + 1);
    return `${name}.${index4(n + 1)}`;
  }

  let table = '';
  for (;;) {
    skipBlank(true);
    if (i >= text.length) break;
    if (text[i] === '[') table = header();
    else {
      const key = keyPath(/=/);
      if (text[i] !== '=') fail('Expected =');
      i++;
      value(table ? `${table}.${key}` : key, 0);
      skipBlank(false);
      if (i < text.length && text[i] !== '\n')
        fail('Expected the end of the line');
    }
  }
  return Object.fromEntries(
    [...out].sort(([a], [b]) => a.localeCompare(b, 'en')),
  );
}

/**
 * The file Stalwart leaves after an API write to a local key: the flat keys in order, one
 * `key = value` line each, comments and tables gone; booleans and numbers unquoted.
 */
export function writeStalwartTomlFile(config: FlatStalwartConfig): string {
  return Object.keys(config)
    .sort()
    .map(key => {
      const value = config[key];
      const bare = /^(true|false|[+-]?\d+(\.\d+)?)$/.test(value);
      return `${key} = ${bare ? value : JSON.stringify(value)}\n`;
    })
    .join('');
}
