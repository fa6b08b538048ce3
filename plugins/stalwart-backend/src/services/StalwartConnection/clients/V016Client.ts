import { InputError } from '@backstage/errors';
import { gunzipSync } from 'node:zlib';
import { StalwartApiError } from '../errors/StalwartApiError';
import type { PodTransport } from '../http/PodTransport';
import { errorForStatus, readJsonAnswer } from '../http/readAnswer';
import { callJmap, JmapSetArgs, JmapSetResult } from './jmap';
import { versionsForSchemaHash } from '@stalwart-backstage/plugin-stalwart-common';

/** What `/api/schema` says about the running version (stalwart-v016.md §4). */
export interface V016Version {
  schemaHash: string;
  /** The versions the hash table names; empty when the hash is not in the table. */
  versions: string[];
}

export interface JmapGetResult<T> {
  list: Array<T & { id: string }>;
  notFound: string[];
}

export interface JmapQueryResult {
  ids: string[];
  position: number;
  total?: number;
}

/**
 * Stalwart v0.16's registry over JMAP on one pod (stalwart-v016.md §1). Literal secrets come
 * back as `"****"`; environment and file references in full.
 */
export interface V016Client {
  /** `GET /api/schema`: the redirect's hash, mapped to versions. */
  detectVersion(): Promise<V016Version>;
  /** The registry schema (`fields`, `lists[T].labelProperty`, defaults), fetched once. */
  getSchema(): Promise<Record<string, unknown>>;
  /** `x:<Type>/get`; `ids: null` returns at most 500 objects (use `getAll`). */
  get<T = Record<string, unknown>>(
    type: string,
    ids: string[] | null,
    options?: { properties?: string[] },
  ): Promise<JmapGetResult<T>>;
  /** `x:<Type>/query` (not on singletons). */
  query(
    type: string,
    options?: {
      filter?: Record<string, unknown>;
      position?: number;
      limit?: number;
    },
  ): Promise<JmapQueryResult>;
  /** Every object of a collection: paged `query`, then `get` in batches of 500. */
  getAll<T = Record<string, unknown>>(
    type: string,
  ): Promise<Array<T & { id: string }>>;
  /** `x:<Type>/set`; per-object refusals come back in `notCreated`/`notUpdated`/`notDestroyed`. */
  set(type: string, args: JmapSetArgs): Promise<JmapSetResult>;
  /** `x:Action/set` creating `ReloadSettings`, which rebuilds and broadcasts the config. */
  reloadSettings(): Promise<void>;
}

const TYPE = /^x:[A-Z][A-Za-z0-9]{0,63}$/;
const QUERY_PAGE = 5000;
const GET_BATCH = 500;

export function createV016Client(transport: PodTransport): V016Client {
  const { target } = transport;
  let schemaPath: string | undefined;
  let schema: Promise<Record<string, unknown>> | undefined;

  const checkType = (type: string) => {
    if (!TYPE.test(type))
      throw new InputError(
        `type must be a registry type like x:SystemSettings, got "${type}"`,
      );
  };
  const jmap = (
    calls: Array<[string, Record<string, unknown>]>,
    idempotent: boolean,
  ) => callJmap(transport, calls, idempotent);

  async function detectVersion(): Promise<V016Version> {
    const response = await transport.send({
      method: 'GET',
      path: '/api/schema',
      idempotent: true,
    });
    const location = response.headers.location;
    if (response.status === 404) {
      throw new StalwartApiError({
        reason: 'unsupported-version',
        message: 'Stalwart has no /api/schema, so it is not v0.16 or later',
        target,
        upstreamStatus: 404,
      });
    }
    if (response.status < 300 || response.status > 399)
      throw errorForStatus(response, target);
    const hash = location?.match(/^\/api\/schema\/([A-Za-z0-9_-]+)$/)?.[1];
    if (!hash) {
      throw new StalwartApiError({
        reason: 'malformed-response',
        message: '/api/schema did not redirect to /api/schema/<hash>',
        target,
        upstreamStatus: response.status,
      });
    }
    schemaPath = location;
    return { schemaHash: hash, versions: versionsForSchemaHash(hash) };
  }

  async function fetchSchema(): Promise<Record<string, unknown>> {
    if (!schemaPath) await detectVersion();
    const response = await transport.send({
      method: 'GET',
      path: schemaPath!,
      idempotent: true,
    });
    const body =
      response.status === 200 && response.headers['content-encoding'] === 'gzip'
        ? gunzipSync(response.body)
        : response.body;
    return readJsonAnswer({ ...response, body }, target) as Record<
      string,
      unknown
    >;
  }

  const client: V016Client = {
    detectVersion,
    getSchema() {
      schema ??= fetchSchema().catch(error => {
        schema = undefined;
        throw error;
      });
      return schema;
    },
    async get(type, ids, options) {
      checkType(type);
      const [result] = await jmap(
        [
          [
            `${type}/get`,
            {
              ids,
              ...(options?.properties
                ? { properties: options.properties }
                : {}),
            },
          ],
        ],
        true,
      );
      return {
        list: (result.list ?? []) as any[],
        notFound: (result.notFound ?? []) as string[],
      };
    },
    async query(type, options) {
      checkType(type);
      const [result] = await jmap(
        [[`${type}/query`, { filter: {}, ...options }]],
        true,
      );
      return {
        ids: (result.ids ?? []) as string[],
        position: Number(result.position ?? 0),
        total: typeof result.total === 'number' ? result.total : undefined,
      };
    },
    async getAll(type) {
      const ids: string[] = [];
      for (;;) {
        const page = await client.query(type, {
          position: ids.length,
          limit: QUERY_PAGE,
        });
        ids.push(...page.ids);
        if (
          page.ids.length < QUERY_PAGE ||
          (page.total !== undefined && ids.length >= page.total)
        )
          break;
      }
      const objects = [];
      for (let i = 0; i < ids.length; i += GET_BATCH) {
        objects.push(
          ...(await client.get(type, ids.slice(i, i + GET_BATCH))).list,
        );
      }
      return objects as any[];
    },
    async set(type, args) {
      checkType(type);
      const [result] = await jmap([[`${type}/set`, { ...args }]], false);
      return result as JmapSetResult;
    },
    async reloadSettings() {
      const result = await client.set('x:Action', {
        create: { reload: { '@type': 'ReloadSettings' } },
      });
      const refused = result.notCreated?.reload;
      if (refused || !result.created?.reload) {
        throw new StalwartApiError({
          reason: 'method-error',
          message: `Stalwart did not run ReloadSettings${
            refused ? `: ${refused.type}` : ''
          }`,
          target,
          details: refused
            ? { type: refused.type, description: refused.description ?? '' }
            : undefined,
        });
      }
    },
  };
  return client;
}
