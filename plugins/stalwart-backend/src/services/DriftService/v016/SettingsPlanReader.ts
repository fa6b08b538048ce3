import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import {
  fileOnBranchUrl,
  type LocalFleetRepository,
} from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import { instanceFolder } from '../../AdoptionService/instanceFolder';
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
 *
 * With `stalwart.drift.planSource: localRepository` the plan is instead read from the
 * instance's folder on the default branch of the local fleet repository: the branch the
 * GitOps controllers deploy and adoptions are merged into, so a merged adoption reads in sync.
 */
export class SettingsPlanReader {
  private readonly cache = new Map<string, { etag: string; text: string }>();

  constructor(
    private readonly urlReader: UrlReaderService,
    /** Absolute directories whose file-registered entities' plans may be read from disk. */
    private readonly planDirectories: readonly string[] = [],
    private readonly localRepository?: {
      repository: () => Promise<LocalFleetRepository>;
      defaultBranch: string;
    },
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
    if (this.localRepository) return this.readFromLocalRepository(entity);
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

  private async readFromLocalRepository(
    entity: Entity,
  ): Promise<{ url: string; text: string }> {
    const { repository, defaultBranch } = this.localRepository!;
    let file: string;
    try {
      file = `${instanceFolder(
        entity,
        this.planDirectories,
      )}/${SETTINGS_PLAN_FILE}`;
    } catch (error) {
      throw new SettingsPlanUnavailableError((error as Error).message);
    }
    let url = file;
    try {
      const repo = await repository();
      url = fileOnBranchUrl(repo.dir, defaultBranch, file);
      const { content } = await repo.readFile(defaultBranch, file);
      if (content.length > MAX_PLAN_BYTES)
        throw new Error(`it is larger than ${MAX_PLAN_BYTES} bytes`);
      return { url, text: content.toString('utf8') };
    } catch (error) {
      throw new SettingsPlanUnavailableError(
        `${url} could not be read from the local fleet repository: ${
          (error as Error).message
        }`,
      );
    }
  }
}
