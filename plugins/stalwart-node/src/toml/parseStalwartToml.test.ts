import { parseStalwartToml } from './parseStalwartToml';
import { StalwartTomlError } from './types';

// Every case cites ../shared/docs/stalwart-v015.md §2.4 (S crates/utils/src/config/parser.rs).
describe('parseStalwartToml', () => {
  it.each([
    [
      'arrays become k.0000, k.0001 with 4-digit indices',
      'k = [a, b]\n',
      { 'k.0000': 'a', 'k.0001': 'b' },
    ],
    [
      'nested arrays become k.0000.0001',
      'k = [[1, 2], [3]]\n',
      { 'k.0000.0000': '1', 'k.0000.0001': '2', 'k.0001.0000': '3' },
    ],
    [
      'an inline table inside an array becomes k.0001.name',
      'k = ["x", { name = "n" }]\n',
      { 'k.0000': 'x', 'k.0001.name': 'n' },
    ],
    [
      'scalars are stored as their literal text',
      'a = true\nb = 79.5\nc = 8000\nd = +1.0e-3\n',
      { a: 'true', b: '79.5', c: '8000', d: '+1.0e-3' },
    ],
    [
      'each [[t]] becomes t.0000.*, t.0001.* and an empty [[t]] still uses an index',
      '[[t]]\nname = "a"\n[[t]]\n[[t]]\nname = "c"\n',
      { 't.0000.name': 'a', 't.0002.name': 'c' },
    ],
    ['an inline table k={x=1} becomes k.x', 'k = {x = 1}\n', { 'k.x': '1' }],
    [
      'a set k={ "red","green" } becomes keys with empty values',
      'k = { "red","green" }\n',
      { 'k.green': '', 'k.red': '' },
    ],
    [
      'unquoted header characters are lowercased and quoted segments kept verbatim',
      '[server.LISTENER."SMTP-In"]\nbind = "[::]:25"\n',
      { 'server.listener.SMTP-In.bind': '[::]:25' },
    ],
    [
      'dots in quoted segments are never escaped',
      '[servers]\n"127.0.0.1" = x\n',
      { 'servers.127.0.0.1': 'x' },
    ],
    [
      'keys keep their case, drop unquoted whitespace and append dotted parts as written',
      '[server.listener.smtp]\ntls . Implicit = true\n"quoted key" = 1\n',
      {
        'server.listener.smtp.quoted key': '1',
        'server.listener.smtp.tls.Implicit': 'true',
      },
    ],
    [
      'double and single quoted strings process the same escapes',
      'a = "t\\tr\\rn\\nq\\"b\\\\x\\y"\nb = \'t\\tq\\\'\'\n',
      { a: 't\tr\rn\nq"b\\xy', b: "t\tq'" },
    ],
    [
      'triple-quoted strings are raw and drop their first newline',
      'k = \'\'\'\nline \\n one\nline two\n\'\'\'\nj = """raw"""\n',
      { k: 'line \\n one\nline two\n', j: 'raw' },
    ],
    [
      'comments after values and on their own lines are ignored',
      '# top\nk = 1 # after\n  # indented\nl = [\n 1, # one\n # between\n 2,\n]\n',
      { k: '1', 'l.0000': '1', 'l.0001': '2' },
    ],
    ['the empty string is a value', 'k = ""\n', { k: '' }],
  ])('%s', (_title, toml, expected) => {
    expect(parseStalwartToml(toml)).toEqual(expected);
  });

  it('returns keys in the byte order of a BTreeMap', () => {
    const keys = Object.keys(
      parseStalwartToml('b = 1\nB = 2\na.c = 3\na = 4\n'),
    );
    expect(keys).toEqual(['B', 'a', 'a.c', 'b']);
  });

  it.each([
    [
      'a bare value with characters other than alphanumerics, ., + and -',
      'k = 10.0.0.0/8\n',
    ],
    ['a bare CIDR under a table', '[server.allowed-ip]\nk = 10.0.0.1/32\n'],
    ['a duplicate key', 'k = 1\nk = 2\n'],
    [
      'an unsubstituted chart placeholder such as __NODE_ID__',
      'node-id = __NODE_ID__\n',
    ],
    ['an unexpected character in an unquoted header', '[server/listener]\n'],
    ['a last value with no newline after it', 'k = 1'],
  ])('rejects %s', (_title, toml) => {
    expect(() => parseStalwartToml(toml)).toThrow(StalwartTomlError);
  });

  it('fails with "Duplicate key" when [[a]] [[b]] [[a]] restarts a at 0000', () => {
    const toml = '[[a]]\nx = 1\n[[b]]\nx = 1\n[[a]]\nx = 2\n';
    expect(() => parseStalwartToml(toml)).toThrow(
      /Duplicate key "a.0000.x" at line 6/,
    );
  });

  it('copies the first header character verbatim, as parser.rs does', () => {
    // S v0.15.5 crates/utils/src/config/parser.rs pushes the character after `[` unchecked.
    expect(parseStalwartToml('[Server.Listener]\nk = 1\n')).toEqual({
      'Server.listener.k': '1',
    });
    expect(() => parseStalwartToml('["server"]\nk = 1\n')).toThrow(
      StalwartTomlError,
    );
  });

  it('takes Unicode letters and digits as alphanumeric in headers and bare values, as Rust’s is_alphanumeric does, and refuses symbols', () => {
    expect(parseStalwartToml('[sérver.Ümlaut٣]\nk = ß٣\n')).toEqual({
      'sérver.Ümlaut٣.k': 'ß٣',
    });
    expect(() => parseStalwartToml('[a☃]\nk = 1\n')).toThrow(
      /Unexpected character "☃"/,
    );
    expect(() => parseStalwartToml('k = a☃\n')).toThrow(StalwartTomlError);
  });

  it('reports the line it stopped at', () => {
    expect(() => parseStalwartToml('a = 1\n\nb = 1.2.3/4\n')).toThrow(
      expect.objectContaining({ line: 3 }),
    );
  });
});
