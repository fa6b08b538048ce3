import fs from 'node:fs';
import path from 'node:path';
import { parseStalwartToml } from '@stalwart-backstage/plugin-stalwart-node';
import { parseAllDocuments } from 'yaml';
import { readStalwartToml } from './stalwartToml';

const REPO = path.resolve(__dirname, '../../../../..');

/** Every config.toml the project holds: the demo scenario's ConfigMaps and the TOML fixtures. */
function configFiles(): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  const scenario = path.join(
    REPO,
    'tools/simulator/scenarios/demo/homelab/config.yaml',
  );
  for (const doc of parseAllDocuments(fs.readFileSync(scenario, 'utf8'))) {
    const data = (doc.toJS() as { data?: Record<string, string> })?.data ?? {};
    for (const [name, text] of Object.entries(data))
      if (name.endsWith('.toml')) files.push([`demo homelab ${name}`, text]);
  }
  const fixtures = path.join(
    REPO,
    'plugins/stalwart-node/src/toml/__fixtures__',
  );
  for (const name of fs.readdirSync(fixtures).filter(n => n.endsWith('.toml')))
    files.push([name, fs.readFileSync(path.join(fixtures, name), 'utf8')]);
  return files;
}

const DIALECT: Array<[string, string]> = [
  [
    'a value that is also a table',
    'enable = true\nenable.log-exporter = true\n',
  ],
  [
    'arrays and array tables',
    'a = [1, "two", [3]]\n[[t]]\nx = 1\n[[t]]\nx = 2\n',
  ],
  ['inline tables and sets', 'k = { a = 1, b = "x" }\ns = { one, two }\n'],
  [
    'quoted header segments and keys',
    '[store."foundation-db"]\n"key.with.dots" = \'lit\'\n',
  ],
  [
    'triple-quoted strings and comments',
    'm = """\nline 1\nline 2"""  # note\nn = \'\'\'raw\\n\'\'\'\n',
  ],
  ['escapes and literal scalars', 'e = "a\\tb\\"c"\nf = 1.50\ng = -0x1F\n'],
];

describe('the simulated Stalwart’s config.toml reader', () => {
  it.each(configFiles())(
    'reads %s to the same flat keys as the product’s parser',
    (_name, text) => {
      const filled = text.replace(/__[A-Z0-9_]+__/g, '1');
      expect(readStalwartToml(filled)).toEqual(parseStalwartToml(filled));
    },
  );

  it.each(DIALECT)(
    'reads %s as Stalwart does, like the product’s parser',
    (_name, text) => {
      expect(readStalwartToml(text)).toEqual(parseStalwartToml(text));
    },
  );

  it('refuses what Stalwart refuses: a duplicate key, an unterminated string', () => {
    expect(() => readStalwartToml('a = 1\na = 2\n')).toThrow(
      /Duplicate key "a"/,
    );
    expect(() => parseStalwartToml('a = 1\na = 2\n')).toThrow(/Duplicate key/);
    expect(() => readStalwartToml('a = "open\n')).toThrow(/end of line/);
    expect(() => parseStalwartToml('a = "open\n')).toThrow();
  });
});
