import type {
  UrlReaderService,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { parseFileOnBranchUrl } from './fleetUrls';
import type { LocalFleetRepository } from './LocalFleetRepository';

/**
 * A URL reader for files on the branches of the local fleet repository, so the catalog can
 * register the catalog-info.yaml an instance proposal committed (`catalog:register` reads
 * through the UrlReader). It answers only URLs inside the configured repository.
 */
export function createFleetRepositoryUrlReader(
  repository: () => Promise<LocalFleetRepository>,
  repoDir: string,
) {
  const reader: UrlReaderService = {
    async readUrl(
      url: string,
      options?: UrlReaderServiceReadUrlOptions,
    ): Promise<UrlReaderServiceReadUrlResponse> {
      const target = parseFileOnBranchUrl(repoDir, new URL(url));
      if (!target) {
        throw new Error(`${url} is not a file in the fleet repository`);
      }
      const { content, oid } = await (
        await repository()
      ).readFile(target.branch, target.filePath);
      if (options?.etag === oid) throw new NotModifiedError();
      return { buffer: async () => content, etag: oid };
    },
    async readTree() {
      throw new Error('The fleet repository reader reads single files only');
    },
    async search(url) {
      const { buffer, etag } = await reader.readUrl(url);
      return { files: [{ url, content: buffer }], etag: etag ?? '' };
    },
  };
  return {
    reader,
    predicate: (url: URL) => parseFileOnBranchUrl(repoDir, url) !== undefined,
  };
}
