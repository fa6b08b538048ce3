import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** An IAM identity whose keys the simulated STS knows, as AWS does. */
export interface AwsTestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials (assumed roles); must come back in the token. */
  sessionToken?: string;
}

const TOKEN_PREFIX = 'k8s-aws-v1.';
const EMPTY_PAYLOAD_SHA256 = createHash('sha256').update('').digest('hex');

/**
 * What an EKS cluster's token webhook (aws-iam-authenticator) does with a bearer token:
 * `k8s-aws-v1.` + base64url of a presigned STS GetCallerIdentity URL that signs the header
 * `x-k8s-aws-id: <cluster id>`, at most `lifetimeMs` old (15 minutes on EKS). STS's own check
 * (the SigV4 signature against the caller's secret key) is done here with the keys it knows.
 * Written from the SigV4 specification, not from the AWS SDK the product signs with.
 */
export function eksTokenReview(options: {
  clusterId: string;
  credentials: AwsTestCredentials[];
  lifetimeMs?: number;
  now?: () => Date;
}): (token: string) => boolean {
  const lifetimeMs = options.lifetimeMs ?? 15 * 60_000;
  const now = options.now ?? (() => new Date());
  return token => {
    if (!token.startsWith(TOKEN_PREFIX)) return false;
    let url: URL;
    try {
      url = new URL(
        Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString(),
      );
    } catch {
      return false;
    }
    const query = url.searchParams;
    const region = url.hostname.match(
      /^sts(?:\.([a-z0-9-]+))?\.amazonaws\.com$/,
    )?.[1];
    if (
      url.protocol !== 'https:' ||
      url.pathname !== '/' ||
      region === undefined ||
      query.get('Action') !== 'GetCallerIdentity' ||
      query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' ||
      !(query.get('X-Amz-SignedHeaders') ?? '')
        .split(';')
        .includes('x-k8s-aws-id')
    ) {
      return false;
    }
    const signedAt = parseAmzDate(query.get('X-Amz-Date') ?? '');
    const age = now().getTime() - (signedAt?.getTime() ?? NaN);
    if (!(age <= lifetimeMs && age >= -60_000)) return false;

    const [accessKeyId, date, scopeRegion, service, terminator] = (
      query.get('X-Amz-Credential') ?? ''
    ).split('/');
    const identity = options.credentials.find(
      c => c.accessKeyId === accessKeyId,
    );
    if (
      !identity ||
      scopeRegion !== region ||
      service !== 'sts' ||
      terminator !== 'aws4_request' ||
      (identity.sessionToken ?? null) !== query.get('X-Amz-Security-Token')
    ) {
      return false;
    }
    const expected = signature(url, identity.secretAccessKey, {
      date,
      region,
      clusterId: options.clusterId,
    });
    const given = Buffer.from(query.get('X-Amz-Signature') ?? '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}

function parseAmzDate(value: string): Date | undefined {
  const m = value.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m
    ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`)
    : undefined;
}

const rfc3986 = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** SigV4 for a presigned GET of `/` with the headers host and x-k8s-aws-id signed. */
function signature(
  url: URL,
  secretAccessKey: string,
  scope: { date: string; region: string; clusterId: string },
): Buffer {
  const signedHeaders = url.searchParams.get('X-Amz-SignedHeaders')!;
  const headerValues: Record<string, string> = {
    host: url.host,
    'x-k8s-aws-id': scope.clusterId,
  };
  const canonicalHeaders = signedHeaders
    .split(';')
    .map(name => `${name}:${headerValues[name] ?? ''}\n`)
    .join('');
  const canonicalQuery = [...url.searchParams]
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`)
    .sort()
    .join('&');
  const canonicalRequest = [
    'GET',
    '/',
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    EMPTY_PAYLOAD_SHA256,
  ].join('\n');
  const credentialScope = `${scope.date}/${scope.region}/sts/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    url.searchParams.get('X-Amz-Date'),
    credentialScope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const hmac = (key: string | Buffer, data: string) =>
    createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, scope.date), scope.region), 'sts'),
    'aws4_request',
  );
  return hmac(signingKey, stringToSign);
}
