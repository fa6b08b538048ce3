import { normaliseConfigKey, normaliseConfigKeys } from './normaliseConfigKeys';

// ../shared/docs/stalwart-v015.md §2.5: "parse numeric path segments as integers and treat
// a scalar k the same as k.0" (W src/pages/config/mod.rs build_update).
describe('normaliseConfigKey', () => {
  it.each([
    ['server.listener.smtp.bind.0000', 'server.listener.smtp.bind.0'],
    ['queue.strategy.route.0001.else', 'queue.strategy.route.1.else'],
    ['k.09', 'k.9'],
    ['servers.127.0.0.1', 'servers.127.0.0.1'],
    [
      'store.postgresql.pool.max-connections',
      'store.postgresql.pool.max-connections',
    ],
  ])('turns %s into %s', (key, expected) => {
    expect(normaliseConfigKey(key)).toBe(expected);
  });
});

describe('normaliseConfigKeys', () => {
  it('makes the file one-element array and the webadmin bare key the same key', () => {
    const file = normaliseConfigKeys({
      'server.listener.smtp.bind.0000': '[::]:25',
    });
    const webadmin = normaliseConfigKeys({
      'server.listener.smtp.bind': '[::]:25',
    });
    const docsExample = normaliseConfigKeys({
      'server.listener.smtp.bind.0': '[::]:25',
    });
    expect(file).toEqual(webadmin);
    expect(docsExample).toEqual(webadmin);
  });

  it('makes 4-digit and single-digit list indices the same', () => {
    expect(
      normaliseConfigKeys({ 'k.0000': 'a', 'k.0001': 'b', 'k.0010': 'c' }),
    ).toEqual(normaliseConfigKeys({ 'k.0': 'a', 'k.1': 'b', 'k.10': 'c' }));
  });

  it('keeps server-seeded single-digit keys of longer lists as indexed keys', () => {
    expect(
      normaliseConfigKeys({
        'queue.limiter.inbound.sender.key.0': 'sender_domain',
        'queue.limiter.inbound.sender.key.1': 'rcpt',
      }),
    ).toEqual({
      'queue.limiter.inbound.sender.key.0': 'sender_domain',
      'queue.limiter.inbound.sender.key.1': 'rcpt',
    });
  });

  it('leaves expressions written as k.<i>.if / then / else alone', () => {
    const expression = {
      'session.auth.mechanisms.0000.if': 'local_port != 25',
      'session.auth.mechanisms.0000.then': '[plain, login]',
      'session.auth.mechanisms.0001.else': 'false',
    };
    expect(normaliseConfigKeys(expression)).toEqual({
      'session.auth.mechanisms.0.if': 'local_port != 25',
      'session.auth.mechanisms.0.then': '[plain, login]',
      'session.auth.mechanisms.1.else': 'false',
    });
  });

  it('does not fold k.0 when the list has a table element beside it', () => {
    expect(normaliseConfigKeys({ 'k.0000': 'x', 'k.0001.name': 'n' })).toEqual({
      'k.0': 'x',
      'k.1.name': 'n',
    });
  });

  it('keeps k and k.0000 apart when both are set, since Stalwart reads them as two values', () => {
    expect(normaliseConfigKeys({ k: 'bare', 'k.0000': 'indexed' })).toEqual({
      k: 'bare',
      'k.0': 'indexed',
    });
  });

  it('keeps the first value in key order when k.0000 and k.0 collide', () => {
    expect(normaliseConfigKeys({ 'k.0': 'short', 'k.0000': 'padded' })).toEqual(
      {
        k: 'short',
      },
    );
  });
});
