import { FlatConfig, StalwartTomlError } from './types';
import { sortFlatConfig } from './sortFlatConfig';

// Stalwart refuses deeper nesting of arrays and inline tables.
const MAX_NEST_LEVEL = 10;

const UNICODE_ALPHANUMERIC = /^[\p{Alphabetic}\p{N}]$/u;
// ASCII answered by code, the rest by Unicode property (Rust's `char::is_alphanumeric`): the
// regular expression per character was most of a large file's parse.
const isAlphanumeric = (ch: string) => {
  const code = ch.charCodeAt(0);
  if (code >= 128) return UNICODE_ALPHANUMERIC.test(ch);
  const lower = code | 32;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122);
};
const isBareValueChar = (ch: string) =>
  isAlphanumeric(ch) || ch === '.' || ch === '+' || ch === '-';
const isHeaderChar = (ch: string) =>
  isAlphanumeric(ch) || ch === '.' || ch === '-' || ch === '_';
const asciiLower = (ch: string) =>
  ch >= 'A' && ch <= 'Z' ? String.fromCharCode(ch.charCodeAt(0) + 32) : ch;
const pad4 = (n: number) => String(n).padStart(4, '0');

class StalwartTomlParser {
  private readonly chars: string[];
  private pos = 0;
  private line = 1;
  private readonly keys = new Map<string, string>();
  private lastArrayName = '';
  private lastArrayPos = 0;

  constructor(text: string) {
    this.chars = Array.from(text);
  }

  parse(): FlatConfig {
    let tableName = '';

    while (this.seekNextChar()) {
      const ch = this.peek()!;
      if (ch === '[') {
        this.nextChar(true, false);
        tableName = this.readHeader();
        this.skipLine();
      } else if (/[a-zA-Z0-9"]/.test(ch)) {
        const { key } = this.readKey(tableName ? `${tableName}.` : '', false);
        this.readValue(key, ['\n'], 0);
      } else {
        throw this.error(`Unexpected character ${JSON.stringify(ch)}`);
      }
    }
    return sortFlatConfig(Object.fromEntries(this.keys));
  }

  /** Reads `[name]` or `[[name]]` after its first `[`; returns the table prefix. */
  private readHeader(): string {
    let name = '';
    let isArray = false;
    // Stalwart copies the first character after `[` verbatim (not lowercased, not
    // checked), so `[Server]` becomes `Server` and a leading quote breaks the header.
    const first = this.nextChar(true, false);
    if (first === '[') isArray = true;
    else name += first;

    let inQuote = false;
    let lastCh = '';
    for (;;) {
      const ch = this.nextChar(!inQuote, false);
      if (ch === '"' && (!inQuote || lastCh !== '\\')) {
        inQuote = !inQuote;
      } else if (ch === '\\' && inQuote) {
        // dropped: the escaped character that follows is kept
      } else if (ch === ']' && !inQuote) {
        if (!name) throw this.error('Empty table name');
        if (!isArray) return name;
        isArray = false;
        name = `${name}.${pad4(this.nextArrayIndex(name))}`;
      } else if (inQuote) {
        name += ch;
      } else if (isHeaderChar(ch)) {
        name += asciiLower(ch);
      } else {
        throw this.error(`Unexpected character ${JSON.stringify(ch)}`);
      }
      lastCh = ch;
    }
  }

  // Only the most recent array name is remembered: `[[a]] [[b]] [[a]]` restarts `a`.
  private nextArrayIndex(name: string): number {
    if (name === this.lastArrayName) {
      this.lastArrayPos += 1;
    } else {
      this.lastArrayName = name;
      this.lastArrayPos = 0;
    }
    return this.lastArrayPos;
  }

  private readKey(
    prefix: string,
    inCurly: boolean,
  ): { key: string; stop: string } {
    let key = prefix;
    while (this.pos < this.chars.length) {
      const ch = this.chars[this.pos++];
      if (ch === '=' || (inCurly && (ch === ',' || ch === '}'))) {
        if (key.length === prefix.length) throw this.error('Empty key');
        return { key, stop: ch };
      } else if (ch === '"') {
        key += this.readQuotedKeySegment();
      } else if (ch === ' ' || ch === '\t' || ch === '\r') {
        continue;
      } else if (ch === '\n') {
        if (key.length !== prefix.length) {
          throw this.error(
            `Unexpected end of line while parsing key ${JSON.stringify(key)}`,
          );
        }
        this.line += 1;
      } else {
        key += ch;
      }
    }
    throw this.error('Unexpected EOF');
  }

  private readQuotedKeySegment(): string {
    let segment = '';
    let lastCh = '';
    while (this.pos < this.chars.length) {
      const ch = this.chars[this.pos++];
      if (ch === '"' && lastCh !== '\\') return segment;
      if (ch === '\n') {
        throw this.error('Unexpected end of line while parsing quoted key');
      }
      if (ch !== '\\') segment += ch;
      lastCh = ch;
    }
    return segment;
  }

  private readValue(
    key: string,
    stopChars: string[],
    nestLevel: number,
  ): string {
    if (nestLevel === MAX_NEST_LEVEL)
      throw this.error('Too many nested structures');
    const ch = this.nextChar(true, false);
    if (ch === '[') {
      this.readArray(key, nestLevel);
    } else if (ch === '{') {
      this.readInlineTable(key, nestLevel);
    } else if (ch === '"' || ch === "'") {
      this.insert(key, this.readString(ch));
    } else if (isBareValueChar(ch)) {
      let value = ch;
      while (
        this.pos < this.chars.length &&
        isBareValueChar(this.chars[this.pos])
      ) {
        value += this.chars[this.pos++];
      }
      this.insert(key, value);
    } else if (stopChars.includes(ch)) {
      return ch;
    } else {
      throw this.error(
        `Expected ${JSON.stringify(stopChars)} but found ${JSON.stringify(
          ch,
        )} in value`,
      );
    }
    return this.readValueEnd(stopChars);
  }

  private readValueEnd(stopChars: string[]): string {
    for (;;) {
      const ch = this.nextChar(true, true);
      if (ch === '#') {
        this.skipLine();
        if (stopChars.includes('\n')) return '\n';
      } else if (stopChars.includes(ch)) {
        return ch;
      } else if (ch !== '\n') {
        throw this.error(
          `Expected ${JSON.stringify(stopChars)} but found ${JSON.stringify(
            ch,
          )} in value`,
        );
      }
    }
  }

  private readArray(key: string, nestLevel: number): void {
    let index = 0;
    this.seekNextChar();
    for (;;) {
      const stop = this.readValue(
        `${key}.${pad4(index)}`,
        [',', ']'],
        nestLevel + 1,
      );
      if (stop === ']') return;
      this.seekNextChar();
      index += 1;
    }
  }

  private readInlineTable(key: string, nestLevel: number): void {
    const base = `${key}.`;
    for (;;) {
      const { key: subKey, stop } = this.readKey(base, true);
      if (stop === '=') {
        this.seekNextChar();
        const end = this.readValue(subKey, [',', '}'], nestLevel + 1);
        if (end === '}') return;
        this.seekNextChar();
      } else {
        // `{ "red", "green" }` is a set: each member becomes a key with an empty value.
        if (subKey.length > base.length) this.insert(subKey, '');
        if (stop === '}') return;
      }
    }
  }

  private readString(quote: string): string {
    if (this.peek() === quote) {
      this.pos += 1;
      if (this.peek() !== quote) return '';
      this.pos += 1;
      return this.readRawTripleQuoted(quote);
    }
    let value = '';
    let lastCh = '';
    for (;;) {
      const ch = this.nextChar(false, true);
      if (ch === '\\' && lastCh !== '\\') {
        // start of an escape
      } else if (lastCh === '\\' && (ch === 't' || ch === 'r' || ch === 'n')) {
        value += { t: '\t', r: '\r', n: '\n' }[ch];
      } else if (ch !== quote || lastCh === '\\') {
        value += ch;
      } else {
        return value;
      }
      lastCh = ch;
    }
  }

  private readRawTripleQuoted(quote: string): string {
    if (this.peek() === '\n') {
      this.pos += 1;
      this.line += 1;
    }
    let value = '';
    for (;;) {
      const ch = this.nextChar(false, true);
      if (ch === quote && value.endsWith(quote + quote)) {
        return value.slice(0, -2);
      }
      value += ch;
    }
  }

  private insert(key: string, value: string): void {
    if (this.keys.has(key))
      throw this.error(`Duplicate key ${JSON.stringify(key)}`);
    this.keys.set(key, value);
  }

  private peek(): string | undefined {
    return this.chars[this.pos];
  }

  private seekNextChar(): boolean {
    while (this.pos < this.chars.length) {
      const ch = this.chars[this.pos];
      if (ch === '\n') {
        this.pos += 1;
        this.line += 1;
      } else if (ch === '\r' || ch === ' ' || ch === '\t') {
        this.pos += 1;
      } else if (ch === '#') {
        this.skipLine();
      } else {
        return true;
      }
    }
    return false;
  }

  private nextChar(skipWhitespace: boolean, allowLineFeed: boolean): string {
    while (this.pos < this.chars.length) {
      const ch = this.chars[this.pos++];
      if (ch === '\r' || (skipWhitespace && (ch === ' ' || ch === '\t')))
        continue;
      if (ch === '\n') {
        if (!allowLineFeed) throw this.error('Unexpected end of line');
        this.line += 1;
      }
      return ch;
    }
    // Stalwart's parser also fails here, so a file whose last value has no newline
    // after it does not load.
    throw this.error('Unexpected EOF');
  }

  private skipLine(): void {
    while (this.pos < this.chars.length) {
      if (this.chars[this.pos++] === '\n') {
        this.line += 1;
        return;
      }
    }
  }

  private error(message: string): StalwartTomlError {
    return new StalwartTomlError(message, this.line);
  }
}

/**
 * Parses a config.toml with the semantics of Stalwart's own (not spec-complete) parser:
 * arrays become `k.0000`, `k.0001`…, `[[t]]` tables `t.0000.*`, inline tables `k.x`,
 * sets `k.member = ""`, unquoted header characters are lowercased, quoted segments are
 * copied verbatim (dots and all), and scalars keep their literal text.
 *
 * @public
 */
export function parseStalwartToml(text: string): FlatConfig {
  return new StalwartTomlParser(text).parse();
}
