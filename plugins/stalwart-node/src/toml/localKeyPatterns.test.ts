import { localKeyPatternsOf, parseLocalKeyPatterns } from './localKeyPatterns';

// ../shared/docs/stalwart-v015.md §2.2 (S crates/common/src/manager/config.rs Patterns::parse).
describe('localKeyPatternsOf', () => {
  const defaults = localKeyPatternsOf({});

  it.each([
    ['store.postgresql.host', true],
    ['server.hostname', true],
    ['server.blocked-ip.10.0.0.1', false],
    ['server.allowed-ip.10.0.0.1', false],
    ['storage.data', true],
    ['storage.data.extra', false],
    ['enterprise.license-key', true],
    ['authentication.fallback-admin.secret', true],
    ['queue.route.resend.address', false],
    ['http.url', false],
  ])('with the v0.15.5 defaults, %s is local: %s', (key, local) => {
    expect(defaults.isLocal(key)).toBe(local);
  });

  it('reads the file list, trimmed and lowercased, with ! exclusions in any order', () => {
    const patterns = localKeyPatternsOf({
      'config.local-keys.0000': '!server.blocked-ip.*',
      'config.local-keys.0001': '  HTTP.* ',
      'config.local-keys.0002': 'server.*',
    });
    expect(patterns.isLocal('http.url')).toBe(true);
    expect(patterns.isLocal('server.blocked-ip.1.2.3.4')).toBe(false);
    expect(patterns.isLocal('store.db.host')).toBe(false);
    expect(patterns.isLocal('config.local-keys.0003')).toBe(true);
  });

  it('supports all, suffix, glob and exact patterns', () => {
    const patterns = parseLocalKeyPatterns(['*.secret', 'a*b', 'exact.key']);
    expect(patterns.isLocal('x.y.secret')).toBe(true);
    expect(patterns.isLocal('a.middle.b')).toBe(true);
    expect(patterns.isLocal('exact.key')).toBe(true);
    expect(patterns.isLocal('exact.key.more')).toBe(false);
    expect(parseLocalKeyPatterns(['*']).isLocal('anything')).toBe(true);
  });
});
