import { parseDriftValue, readableLines, readableText } from './readableValue';

describe('readableLines', () => {
  it('shows a scalar as its text on one line without a path', () => {
    expect(readableLines('[::]:25')).toEqual([{ path: '', text: '[::]:25' }]);
    expect(readableLines(true)).toEqual([{ path: '', text: 'true' }]);
  });

  it('flattens a nested object into one line per leaf, named by its path', () => {
    const value = parseDriftValue(
      '{"else":"relay","match":[{"if":"is_local_domain(rcpt_domain)","then":"local"}]}',
      true,
    );
    expect(readableLines(value)).toEqual([
      { path: 'else', text: 'relay' },
      { path: 'match/0/if', text: 'is_local_domain(rcpt_domain)' },
      { path: 'match/0/then', text: 'local' },
    ]);
  });

  it('keeps a list of scalars on one line and names empty containers', () => {
    expect(readableLines({ protocols: ['smtp', 'lmtp'], tls: {} })).toEqual([
      { path: 'protocols', text: 'smtp, lmtp' },
      { path: 'tls', text: '(none)' },
    ]);
  });

  it('leaves v0.15 text and malformed JSON as the text it is', () => {
    expect(parseDriftValue('{not json', true)).toBe('{not json');
    expect(parseDriftValue('{"a":1}', false)).toBe('{"a":1}');
  });

  it('joins every leaf into one line for tooltips and copying', () => {
    expect(readableText({ bind: '[::]:25', tls: { implicit: false } })).toBe(
      'bind: [::]:25; tls/implicit: false',
    );
  });
});
