import { StalwartServerSpec } from '../types';
import { PodConfig, V015Server } from './V015Server';
import { expandMacros } from './expandMacros';
import { verifySecret } from './verifySecret';

/** Who a request authenticated as, with the permissions it holds. */
export interface V015Caller {
  name: string;
  isAdmin: boolean;
  permissions: Set<string>;
}

const decodeBase64 = (value: string) =>
  Buffer.from(value, 'base64').toString('utf8');
// S v0.15.5 crates/http/src/auth/authenticate.rs `decode_plain_auth`: the login is trimmed and
// lower-cased before any lookup.
const splitCredentials = (pair: string) => {
  const colon = pair.indexOf(':');
  return colon < 0
    ? undefined
    : {
        user: pair.slice(0, colon).trim().toLowerCase(),
        secret: pair.slice(colon + 1),
      };
};

function principalCaller(
  principal: NonNullable<StalwartServerSpec['principals']>[number],
): V015Caller {
  const isAdmin = principal.roles?.includes('admin') ?? false;
  return {
    name: principal.name,
    isAdmin,
    permissions: new Set(principal.permissions ?? []),
  };
}

/**
 * Basic auth for the fallback admin (from the pod's file, macros expanded; its secret plain or
 * hashed) or any principal; `Bearer api_<base64(name:secret)>` only under `/api/`, where it is
 * the same user:secret pair, so it works for any principal with a password
 * (docs/stalwart-api-facts.md "v0.15 authentication"; S v0.15.5 crates/common/src/auth/mod.rs,
 * crates/http/src/auth/authenticate.rs).
 */
export function authenticateV015(
  server: V015Server,
  pod: PodConfig,
  authorization: string | null,
  pathname: string,
): V015Caller | undefined {
  const spec = server.document.spec;
  const [scheme, token] = (authorization ?? '').split(/\s+/, 2);
  if (!token) return undefined;

  if (/^basic$/i.test(scheme)) {
    const credentials = splitCredentials(decodeBase64(token));
    if (!credentials) return undefined;
    const expand = (v: string | undefined) =>
      v === undefined
        ? undefined
        : expandMacros(v, {
            env: spec.env ?? {},
            files: spec.files ?? {},
            cfg: k => server.get(pod, k),
          });
    const adminUser = expand(
      server.get(pod, 'authentication.fallback-admin.user'),
    );
    const adminSecret = expand(
      server.get(pod, 'authentication.fallback-admin.secret'),
    );
    if (adminUser && adminUser === credentials.user) {
      return adminSecret !== undefined &&
        verifySecret(adminSecret, credentials.secret)
        ? { name: adminUser, isAdmin: true, permissions: new Set() }
        : undefined;
    }
    return principalFor(spec, credentials);
  }

  if (
    /^bearer$/i.test(scheme) &&
    token.startsWith('api_') &&
    pathname.startsWith('/api/')
  ) {
    const credentials = splitCredentials(decodeBase64(token.slice(4)));
    return credentials ? principalFor(spec, credentials) : undefined;
  }
  return undefined;
}

function principalFor(
  spec: StalwartServerSpec,
  credentials: { user: string; secret: string },
): V015Caller | undefined {
  const principal = spec.principals?.find(
    p =>
      (p.type === 'individual' || p.type === 'apiKey') &&
      p.name === credentials.user &&
      p.secret === credentials.secret,
  );
  return principal ? principalCaller(principal) : undefined;
}

export const hasPermission = (caller: V015Caller, permission: string) =>
  caller.isAdmin || caller.permissions.has(permission);
