import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileBackend } from './compileBackend';

// The compiled backend lives in the repository's node_modules/.cache.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../../..');

describe('compileBackend', () => {
  it('compiles the backend and every workspace plugin it loads, which then load in plain node', () => {
    const compiled = compileBackend(REPO_ROOT);
    try {
      expect(compiled.packages).toEqual(
        expect.arrayContaining([
          '@stalwart-backstage/plugin-stalwart-backend',
          '@stalwart-backstage/plugin-stalwart-common',
        ]),
      );
      expect(compiled.env).toEqual({ NODE_ENV: 'production' });
      const [entry] = compiled.nodeArgs;
      expect(readFileSync(entry, 'utf8')).toContain(
        "import('@stalwart-backstage/plugin-stalwart-backend')",
      );
      const pluginDir = join(
        entry,
        '../../../../node_modules/@stalwart-backstage/plugin-stalwart-backend',
      );
      expect(existsSync(join(pluginDir, 'src/plugin.js'))).toBe(true);
      expect(existsSync(join(pluginDir, 'src/plugin.test.js'))).toBe(false);

      // A node without any transform resolves the compiled plugin, and through it the
      // compiled common library, from the entry's folder.
      const loaded = execFileSync(
        process.execPath,
        [
          '-e',
          `const p = require.resolve('@stalwart-backstage/plugin-stalwart-backend');
           const m = require(p);
           console.log(JSON.stringify([p.endsWith('src/index.js'), m.default.$$type]));`,
        ],
        {
          cwd: join(entry, '..'),
          encoding: 'utf8',
          env: { ...process.env, ...compiled.env },
        },
      );
      expect(JSON.parse(loaded)).toEqual([true, '@backstage/BackendFeature']);
    } finally {
      compiled.remove();
    }
    expect(existsSync(compiled.nodeArgs[0])).toBe(false);
  });
});
