import type {
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import type { ClusterClient } from '../ClusterClientService/createClusterClient';

/**
 * A whole selected collection, asked for `pageSize` objects at a time (`limit`/`continue`)
 * and projected page by page: the memory a list costs is one page plus what is kept.
 */
export async function listAllPages(options: {
  client: ClusterClient;
  path: string;
  labelSelector: string;
  pageSize: number;
  project: (item: KubernetesObject) => KubernetesObject;
}): Promise<KubernetesListObject<KubernetesObject>> {
  const { client, path, labelSelector, pageSize, project } = options;
  const items: KubernetesObject[] = [];
  let continueToken: string | undefined;
  let first: KubernetesListObject<KubernetesObject> | undefined;
  do {
    const query = new URLSearchParams({
      labelSelector,
      limit: String(pageSize),
    });
    if (continueToken) query.set('continue', continueToken);
    const page = await client.list(`${path}?${query}`);
    first ??= page;
    for (const item of page.items) items.push(project(item));
    // The raw JSON names it `continue`; client-node's model calls it `_continue`.
    const meta = page.metadata as { continue?: string; _continue?: string };
    continueToken = meta?.continue || meta?._continue || undefined;
  } while (continueToken);
  // The first page's resourceVersion is the list's: every later page is served from it.
  return { ...first, items };
}
