import { StalwartServerSpec } from '../types';
import { PodConfig, V015Server } from './V015Server';
import { expandMacros } from './expandMacros';

/** Who a request authenticated as, with the permissions it holds. */
export interface V015Caller {
  name: string;
  isAdmin: boolean;
  permissions: Set<string>;
}

const decodeBase64 = (value: string) =>
  Buffer.from(value, 'base64').toString('utf8');
const splitCredentials = (pair: string) => {
  const colon = pair.indexOf(':');
  return colon < 0
    ? undefined
    : { user: pair.slice(0, colon), secret: pair.slice(colon + 1) };
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
 * Basic auth for the fallback admin (from the pod's file, macros expanded) or any
 * principal; `Bearer api_<base64(name:secret)>` only for `apiKey` principals and only
 * under `/api/` (../shared/docs/stalwart-v015.md §1 Authentication).
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
    if (
      adminUser &&
      adminUser === credentials.user &&
      adminSecret === credentials.secret
    ) {
      return { name: adminUser, isAdmin: true, permissions: new Set() };
    }
    const principal = spec.principals?.find(
      p =>
        p.type === 'individual' &&
        p.name === credentials.user &&
        p.secret === credentials.secret,
    );
    return principal ? principalCaller(principal) : undefined;
  }

  if (
    /^bearer$/i.test(scheme) &&
    token.startsWith('api_') &&
    pathname.startsWith('/api/')
  ) {
    const credentials = splitCredentials(decodeBase64(token.slice(4)));
    const principal = spec.principals?.find(
      p =>
        p.type === 'apiKey' &&
        p.name === credentials?.user &&
        p.secret === credentials?.secret,
    );
    return principal ? principalCaller(principal) : undefined;
  }
  return undefined;
}

export const hasPermission = (caller: V015Caller, permission: string) =>
  caller.isAdmin || caller.permissions.has(permission);
