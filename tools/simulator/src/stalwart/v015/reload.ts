import { V015Server, PodConfig } from './V015Server';
import { data } from './responses';

/**
 * `/api/reload`: rebuilds from the in-memory file plus the database (never re-reading
 * config.toml). Macro errors for unset environment variables are reported the way
 * Stalwart reports them; with any error nothing is applied. `dry-run` counts only with a value
 * (S v0.15.5 crates/utils/src/url_params.rs drops empty parameters): a bare `?dry-run` applies.
 */
export function reloadConfig(
  server: V015Server,
  pod: PodConfig,
  params: URLSearchParams,
): Response {
  const env = server.document.spec.env ?? {};
  const files = server.document.spec.files ?? {};
  const errors: Record<string, { type: string; error: string }> = {};
  for (const [key, value] of pod.file) {
    for (const match of value.matchAll(/%\{(env|file):([^}]*)\}%/g)) {
      const [, kind, arg] = match;
      if (kind === 'env' && env[arg] === undefined) {
        errors[key] = {
          type: 'macro',
          error: `Failed to obtain environment variable ${JSON.stringify(arg)}`,
        };
      }
      if (kind === 'file' && files[arg.replace(/^\/\//, '/')] === undefined) {
        errors[key] = {
          type: 'macro',
          error: `Failed to read file ${JSON.stringify(arg)}`,
        };
      }
    }
  }
  const dryRun = !!params.get('dry-run');
  if (!dryRun && Object.keys(errors).length === 0) server.appliedReloads += 1;
  return data({ warnings: {}, errors });
}
