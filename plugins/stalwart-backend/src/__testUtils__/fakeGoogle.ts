import { http, HttpResponse } from 'msw';
import { generateKeyPairSync, randomUUID, verify } from 'node:crypto';

/** Where google-auth-library (through gtoken) trades a signed JWT for an access token. */
export const GOOGLE_TOKEN_URL = 'https://www.googleapis.com/oauth2/v4/token';
export const CLIENT_EMAIL = 'backstage@mail-fleet.iam.gserviceaccount.com';
export const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** Google's token endpoint: checks the service account's JWT signature and claims. */
export function googleTokenEndpoint(issued: Set<string>) {
  return http.post(GOOGLE_TOKEN_URL, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    const [header, payload, signature] = (form.get('assertion') ?? '').split(
      '.',
    );
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      publicKey,
      Buffer.from(signature, 'base64url'),
    );
    if (
      form.get('grant_type') !==
        'urn:ietf:params:oauth:grant-type:jwt-bearer' ||
      !signed ||
      claims.iss !== CLIENT_EMAIL ||
      claims.aud !== GOOGLE_TOKEN_URL ||
      !String(claims.scope).includes(
        'https://www.googleapis.com/auth/cloud-platform',
      ) ||
      claims.exp * 1000 < Date.now()
    ) {
      return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
    }
    const accessToken = `ya29.${randomUUID()}`;
    issued.add(accessToken);
    return HttpResponse.json({
      access_token: accessToken,
      expires_in: 3599,
      token_type: 'Bearer',
    });
  });
}

/** A service account key file's content for the key above, as Google issues it. */
export function serviceAccountKey() {
  return {
    type: 'service_account',
    project_id: 'mail-fleet',
    private_key_id: 'key-1',
    private_key: privateKey,
    client_email: CLIENT_EMAIL,
    token_uri: 'https://oauth2.googleapis.com/token',
    universe_domain: 'googleapis.com',
  };
}
