import { InputError } from '@backstage/errors';
import { StalwartApiError } from '../errors/StalwartApiError';
import type { PodTransport } from '../http/PodTransport';
import { pickStrings, readJsonAnswer } from '../http/readAnswer';

/** One problem `GET /api/reload` reports for a key (stalwart-v015.md §1 Reload). */
export interface V015ReloadIssue {
  type: string;
  [field: string]: unknown;
}

/** What a reload (or its dry run) found; with any `errors`, nothing was applied. */
export interface V015ReloadResult {
  warnings: Record<string, V015ReloadIssue>;
  errors: Record<string, V015ReloadIssue>;
}

/**
 * Stalwart v0.11–v0.15's settings API on one pod (stalwart-v015.md §1 Settings endpoints).
 * Values come back raw, exactly as Stalwart stores them: macros unexpanded and **secrets
 * unmasked** (§2.6), so they must be masked before anything leaves the backend.
 */
export interface V015Client {
  /** `GET /api/settings/list` with no prefix: every key, file and database merged (§2.1). */
  listSettings(): Promise<Record<string, string>>;
  /** `GET /api/settings/keys?keys=…`: the keys that exist; DB-stored local keys show too (§1). */
  getKeys(keys: string[]): Promise<Record<string, string>>;
  /** `POST /api/settings` `[{"type":"delete","keys":[…]}]`; takes effect after `reload()`. */
  deleteKeys(keys: string[]): Promise<void>;
  /** `DELETE /api/settings/<url-encoded key>`: exactly one key, never a prefix; takes effect after `reload()`. */
  deleteKey(key: string): Promise<void>;
  /** `GET /api/reload` (or `?dry-run=true`): rebuilds from the in-memory file plus the database. */
  reload(options?: { dryRun?: boolean }): Promise<V015ReloadResult>;
}

// Keeps `GET /api/settings/keys` URLs well under common request-line limits.
const KEYS_PER_REQUEST = 100;
const isStringRecord = (value: unknown): value is Record<string, string> =>
  Boolean(value) &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value as object).every(v => typeof v === 'string');

export function createV015Client(transport: PodTransport): V015Client {
  const { target } = transport;
  const malformed = (what: string) =>
    new StalwartApiError({
      reason: 'malformed-response',
      message: `Stalwart's answer to ${what} is not the documented shape`,
      target,
      upstreamStatus: 200,
    });

  /** `{"data": …}`, or the HTTP 200 management error tagged by `error` (§1). */
  async function call(
    request: Parameters<PodTransport['send']>[0],
    what: string,
  ): Promise<unknown> {
    const json = readJsonAnswer(await transport.send(request), target) as any;
    if (json && typeof json === 'object' && 'data' in json) return json.data;
    if (json && typeof json.error === 'string') {
      throw new StalwartApiError({
        reason: 'management-error',
        message: `Stalwart refused ${what}: ${json.error}`,
        target,
        upstreamStatus: 200,
        // `value` is left out: it may echo a settings value.
        details: pickStrings(json, [
          'error',
          'field',
          'item',
          'details',
          'reason',
        ]),
      });
    }
    throw malformed(what);
  }

  function checkKeys(keys: string[]) {
    const bad = keys.find(k => !k || k.includes(',') || /\s/.test(k));
    if (bad !== undefined)
      throw new InputError(
        `keys must be non-empty settings keys without commas or spaces, got "${bad}"`,
      );
  }

  return {
    async listSettings() {
      const data = (await call(
        { method: 'GET', path: '/api/settings/list', idempotent: true },
        'listing the settings',
      )) as { total?: unknown; items?: unknown };
      if (typeof data?.total !== 'number' || !isStringRecord(data.items))
        throw malformed('listing the settings');
      return data.items;
    },

    async getKeys(keys) {
      checkKeys(keys);
      const found: Record<string, string> = {};
      for (let i = 0; i < keys.length; i += KEYS_PER_REQUEST) {
        const batch = keys.slice(i, i + KEYS_PER_REQUEST);
        const data = await call(
          {
            method: 'GET',
            path: `/api/settings/keys?keys=${batch
              .map(encodeURIComponent)
              .join(',')}`,
            idempotent: true,
          },
          'reading settings keys',
        );
        if (!isStringRecord(data)) throw malformed('reading settings keys');
        Object.assign(found, data);
      }
      return found;
    },

    async deleteKeys(keys) {
      checkKeys(keys);
      if (keys.length === 0) return;
      await call(
        {
          method: 'POST',
          path: '/api/settings',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify([{ type: 'delete', keys }]),
          idempotent: true,
        },
        'deleting settings keys',
      );
    },

    async deleteKey(key) {
      checkKeys([key]);
      await call(
        {
          method: 'DELETE',
          path: `/api/settings/${encodeURIComponent(key)}`,
          idempotent: true,
        },
        'deleting a settings key',
      );
    },

    async reload(options) {
      const data = (await call(
        {
          method: 'GET',
          // A bare `?dry-run` is dropped by the server's URL parser and reloads for real
          // (S v0.15.5 crates/utils/src/url_params.rs); the web admin sends `=true`.
          path: options?.dryRun ? '/api/reload?dry-run=true' : '/api/reload',
          idempotent: Boolean(options?.dryRun),
        },
        'reloading the configuration',
      )) as any;
      const warnings = data?.warnings ?? {};
      const errors = data?.errors ?? {};
      if (typeof warnings !== 'object' || typeof errors !== 'object')
        throw malformed('reloading the configuration');
      return { warnings, errors };
    },
  };
}
