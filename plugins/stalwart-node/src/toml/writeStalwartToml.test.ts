import { parseStalwartToml } from './parseStalwartToml';
import { writeStalwartToml } from './writeStalwartToml';

// ../shared/docs/stalwart-v015.md §2.3 (S crates/common/src/manager/config.rs update_local).
describe('writeStalwartToml', () => {
  it('writes sorted flat key = value lines', () => {
    expect(writeStalwartToml({ 'b.x': 'y', 'a.k': 'v' })).toBe(
      'a.k = "v"\nb.x = "y"\n',
    );
  });

  it.each([
    ['true', 'true'],
    ['false', 'false'],
    ['8000', '8000'],
    ['79.5', '79.5'],
    ['-1e3', '-1e3'],
  ])('writes %s bare', (value, written) => {
    expect(writeStalwartToml({ k: value })).toBe(`k = ${written}\n`);
  });

  it('uses triple quotes for multi-line values', () => {
    expect(writeStalwartToml({ k: 'a\nb' })).toBe("k = '''a\nb'''\n");
  });

  it('uses triple quotes for values over 50 characters that contain a quote or backslash', () => {
    const long = `${'x'.repeat(50)}"`;
    expect(writeStalwartToml({ k: long })).toBe(`k = '''${long}'''\n`);
  });

  it('escapes quotes and backslashes in short values', () => {
    expect(writeStalwartToml({ k: 'say "hi" \\o/' })).toBe(
      'k = "say \\"hi\\" \\\\o/"\n',
    );
  });

  it('writes a file the parser reads back to the same keys', () => {
    const config = {
      'server.hostname': 'mail.example.com',
      'server.listener.http.bind.0000': '[::]:8080',
      'http.url': "protocol + '://' + config_get('server.hostname')",
      'sieve.greeting': 'Hello\nWorld\n',
      'cluster.node-id': '2',
    };
    expect(parseStalwartToml(writeStalwartToml(config))).toEqual(config);
  });
});
