/**
 * Signs in through the guest provider, as the app's sign-in page does, and returns the
 * user's Backstage token.
 */
export async function getGuestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(`Guest sign-in failed: ${res.status} ${await res.text()}`);
  }
  const body = (await res.json()) as {
    backstageIdentity?: { token?: string };
  };
  const token = body.backstageIdentity?.token;
  if (!token) {
    throw new Error('Guest sign-in answered without a Backstage token');
  }
  return token;
}
