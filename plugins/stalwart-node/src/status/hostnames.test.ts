import { dnsNamesCover } from './hostnames';

describe('dnsNamesCover', () => {
  it('matches an exact name regardless of case and a trailing dot', () => {
    expect(dnsNamesCover(['Mail.Example.com.'], 'mail.example.com')).toBe(true);
  });

  it('lets a wildcard cover exactly one leftmost label', () => {
    expect(dnsNamesCover(['*.example.com'], 'mail.example.com')).toBe(true);
    expect(dnsNamesCover(['*.example.com'], 'example.com')).toBe(false);
    expect(dnsNamesCover(['*.example.com'], 'a.mail.example.com')).toBe(false);
  });

  it('does not cover a hostname that no name mentions', () => {
    expect(dnsNamesCover(['imap.example.com'], 'mail.example.com')).toBe(false);
    expect(dnsNamesCover([], 'mail.example.com')).toBe(false);
  });
});
