import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import { readPlanFile, planFileBeside } from './planFiles';

/** The file the template renders into the instance folder beside catalog-info.yaml. */
export const SETTINGS_PLAN_FILE = 'settings-plan.ndjson';
// Bounds memory if a plan URL turns out to be something else entirely.
const MAX_PLAN_BYTES = 2 * 1024 * 1024;

export class SettingsPlanUnavailableError extends Error {
  name = 'SettingsPlanUnavailableError' as const;
}

/**
 * Reads the v0.16 settings plan from git. The plan exists only in the GitOps folder (the chart
 * puts nothing of it into the cluster), and that folder is where the template also writes the
 * instance's catalog-info.yaml, so the plan is the file `settings-plan.ndjson` beside the
 * entity's catalog file (`backstage.io/managed-by-location`, set by the catalog, not by the
 * entity's author). It is read through Backstage's UrlReader, so the configured integrations
 * and `backend.reading.allow` decide what may be read; plans are cached by ETag.
 *
 * An entity the catalog read from a `file` location (a checkout on the backend's disk, as the
 * demo's) has its plan read from disk instead, only inside `stalwart.drift.planDirectories`:
 * no UrlReader reads `file:` URLs, and none is read unless the operator names the folder.
 */
export class SettingsPlanReader {
  private readonly cache = new Map<string, { etag: string; text: string }>();

  constructor(
    private readonly urlReader: UrlReaderService,
    /** Absolute directories whose file-registered entities' plans may be read from disk. */
    private readonly planDirectories: readonly string[] = [],
  ) {}

  /** The plan's URL for an entity, or why there is none. */
  static planUrl(
    entity: Entity,
    planDirectories: readonly string[] = [],
  ): string {
    const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    if (!location)
      throw new SettingsPlanUnavailableError(
        `The entity has no ${ANNOTATION_LOCATION}, so the folder holding its ${SETTINGS_PLAN_FILE} is unknown`,
      );
    const { type, target } = parseLocationRef(location);
    if (type === 'file') {
      const url = planFileBeside(target, SETTINGS_PLAN_FILE, planDirectories);
      if (url) return url;
    }
    if (type !== 'url')
      throw new SettingsPlanUnavailableError(
        `The entity was registered from a ${type} location${
          type === 'file' ? ' outside stalwart.drift.planDirectories' : ''
        }; the settings plan is read beside catalog-info.yaml through a URL reader, so register the instance folder by URL`,
      );
    return new URL(SETTINGS_PLAN_FILE, target).href;
  }

  async read(entity: Entity): Promise<{ url: string; text: string }> {
    const url = SettingsPlanReader.planUrl(entity, this.planDirectories);
    const cached = this.cache.get(url);
    try {
      if (url.startsWith('file:'))
        return {
          url,
          text: await readPlanFile(url, this.planDirectories, MAX_PLAN_BYTES),
        };
      const response = await this.urlReader.readUrl(url, {
        etag: cached?.etag,
      });
      const buffer = await response.buffer();
      if (buffer.length > MAX_PLAN_BYTES)
        throw new SettingsPlanUnavailableError(
          `${url} is larger than ${MAX_PLAN_BYTES} bytes`,
        );
      const text = buffer.toString('utf8');
      if (response.etag) this.cache.set(url, { etag: response.etag, text });
      return { url, text };
    } catch (error) {
      if (cached && error instanceof NotModifiedError)
        return { url, text: cached.text };
      if (error instanceof SettingsPlanUnavailableError) throw error;
      throw new SettingsPlanUnavailableError(
        `${url} could not be read: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
  }
}
