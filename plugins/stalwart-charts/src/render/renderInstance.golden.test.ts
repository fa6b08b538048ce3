import fs from 'node:fs';
import path from 'node:path';
import { renderInstance } from './renderInstance';
import { specMatrix } from '@stalwart-backstage/test-harness/charts';

/**
 * Golden files: every flavor x engine x secrets provider rendered into __golden__/<case>/.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 yarn backstage-cli package test`
 * and review the diff.
 */
const GOLDEN_DIR = path.join(__dirname, '__golden__');
const update = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

function writeGolden(
  dir: string,
  files: Array<{ path: string; content: string }>,
) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.content);
  }
}

describe.each(specMatrix())('the rendered files for $id', ({ id, spec }) => {
  const dir = path.join(GOLDEN_DIR, id);
  let files: Awaited<ReturnType<typeof renderInstance>>;

  beforeAll(async () => {
    files = await renderInstance(spec, {
      owner: 'group:default/mail-admins',
      clusters: ['prod'],
    });
    if (update) writeGolden(dir, files);
  });

  it('are exactly the golden files, byte for byte', () => {
    expect(files.map(f => f.path).sort()).toEqual(listFiles(dir).sort());
    for (const file of files) {
      expect(file.content).toBe(
        fs.readFileSync(path.join(dir, file.path), 'utf8'),
      );
    }
  });

  it('are deterministic', async () => {
    expect(
      await renderInstance(spec, {
        owner: 'group:default/mail-admins',
        clusters: ['prod'],
      }),
    ).toEqual(files);
  });

  it('always include values.yaml', () => {
    expect(files.some(f => f.path === 'values.yaml')).toBe(true);
  });
});
