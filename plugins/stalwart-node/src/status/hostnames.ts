/**
 * Whether a certificate's DNS names cover a hostname, following RFC 6125: a wildcard covers
 * exactly one leftmost label, so `*.example.com` covers `mail.example.com` but neither
 * `example.com` nor `a.mail.example.com`.
 *
 * @public
 */
export function dnsNamesCover(dnsNames: string[], hostname: string): boolean {
  const host = normalise(hostname);
  return dnsNames.map(normalise).some(name => {
    if (name === host) return true;
    if (!name.startsWith('*.')) return false;
    const firstDot = host.indexOf('.');
    return firstDot > 0 && host.slice(firstDot + 1) === name.slice(2);
  });
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
