import type { Cluster } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

/** The TLS settings `KubeConfig.applyToHTTPSOptions` puts on a request, which an agent keeps. */
const TLS_OPTIONS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'rejectUnauthorized',
  'servername',
] as const;

/**
 * One keep-alive agent for a cluster's requests. `applyToHTTPSOptions` makes a new agent for
 * every request, so each list or get opened its own TCP and TLS connection; this one keeps
 * them open between requests and is replaced when the TLS settings change (a rotated client
 * certificate or CA). A proxied cluster keeps the proxy agent `applyToHTTPSOptions` made.
 * Idle connections do not hold the process open, and the API server closes them in time.
 */
export function keepAliveAgent() {
  let current: { digest: string; agent: http.Agent } | undefined;
  return {
    /** Puts the kept agent on `options`, which `applyToHTTPSOptions` has filled. */
    apply(
      options: https.RequestOptions,
      cluster: Cluster | null,
      protocol: string,
    ): void {
      if (cluster?.proxyUrl) return;
      const hash = createHash('sha256').update(protocol);
      for (const name of TLS_OPTIONS)
        hash.update(`\0${name}=${String(options[name] ?? '')}`);
      const digest = hash.digest('hex');
      if (current?.digest !== digest) {
        current?.agent.destroy();
        const tls = Object.fromEntries(TLS_OPTIONS.map(n => [n, options[n]]));
        current = {
          digest,
          agent:
            protocol === 'https:'
              ? new https.Agent({ ...tls, keepAlive: true })
              : new http.Agent({ keepAlive: true }),
        };
      }
      options.agent = current.agent;
    },
  };
}
