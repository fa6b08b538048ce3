import type { CompoundEntityRef } from '@backstage/catalog-model';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  AdoptionProposalsResponseV1,
  AdoptionResultV1,
  GitOpsAction,
  GitOpsActionResultV1,
  InstanceDriftResponseV1,
  InstanceStatusBatchResponseV1,
  InstanceStatusResponseV1,
  ProposalMergeResultV1,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type {
  AdoptionRequest,
  ProposalMergeRequest,
  RemediationRequest,
  StalwartApi,
  StalwartRequestOptions,
} from './StalwartApi';
import { StatusBatcher } from './statusBatcher';

/**
 * {@link StalwartApi} over HTTP: `fetchApi` adds the user's token, `discoveryApi` finds the
 * backend.
 *
 * @public
 */
export class StalwartClient implements StalwartApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  private readonly statuses = new StatusBatcher({
    one: async (entityRef, signal) =>
      this.request(await this.entityUrl(parseEntityRef(entityRef), 'status'), {
        signal,
      }),
    batch: async entityRefs => {
      const url = `${await this.discoveryApi.getBaseUrl(
        'stalwart',
      )}/v1/statuses`;
      const body = await this.request<InstanceStatusBatchResponseV1>(url, {
        method: 'POST',
        body: { entityRefs },
      });
      return { url, body };
    },
  });

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getInstanceStatus(
    entityRef: CompoundEntityRef,
    options: StalwartRequestOptions = {},
  ): Promise<InstanceStatusResponseV1> {
    return this.statuses.load(
      stringifyEntityRef(entityRef).toLocaleLowerCase('en-US'),
      options.signal,
    );
  }

  async getInstanceDrift(
    entityRef: CompoundEntityRef,
    options: StalwartRequestOptions & { includeHidden?: boolean } = {},
  ): Promise<InstanceDriftResponseV1> {
    const url = await this.entityUrl(entityRef, 'drift');
    return this.request(
      options.includeHidden ? `${url}?includeHidden=true` : url,
      options,
    );
  }

  async remediate(
    entityRef: CompoundEntityRef,
    request: RemediationRequest,
    options: StalwartRequestOptions = {},
  ): Promise<RemediationResultV1> {
    return this.request(await this.entityUrl(entityRef, 'drift/remediations'), {
      ...options,
      method: 'POST',
      body: request,
    });
  }

  async adopt(
    entityRef: CompoundEntityRef,
    request: AdoptionRequest,
    options: StalwartRequestOptions = {},
  ): Promise<AdoptionResultV1> {
    return this.request(await this.entityUrl(entityRef, 'drift/adoptions'), {
      ...options,
      method: 'POST',
      body: request,
    });
  }

  async listAdoptions(
    entityRef: CompoundEntityRef,
    options: StalwartRequestOptions = {},
  ): Promise<AdoptionProposalsResponseV1> {
    return this.request(
      await this.entityUrl(entityRef, 'drift/adoptions'),
      options,
    );
  }

  async runGitOpsAction(
    entityRef: CompoundEntityRef,
    action: GitOpsAction,
    request: { dryRun: boolean; cluster?: string },
    options: StalwartRequestOptions = {},
  ): Promise<GitOpsActionResultV1> {
    return this.request(
      await this.entityUrl(entityRef, `gitops/${encodeURIComponent(action)}`),
      { ...options, method: 'POST', body: request },
    );
  }

  /** Previews (`dryRun`) or merges the instance's proposal branch, as `StalwartApi` says. */
  async mergeProposal(
    entityRef: CompoundEntityRef,
    request: ProposalMergeRequest,
    options: StalwartRequestOptions = {},
  ): Promise<ProposalMergeResultV1> {
    return this.request(await this.entityUrl(entityRef, 'proposal/merge'), {
      ...options,
      method: 'POST',
      body: request,
    });
  }

  private async entityUrl(
    { namespace, kind, name }: CompoundEntityRef,
    resource: string,
  ): Promise<string> {
    const base = await this.discoveryApi.getBaseUrl('stalwart');
    const segments = [namespace, kind, name].map(s =>
      encodeURIComponent(s.toLocaleLowerCase('en-US')),
    );
    return `${base}/v1/entities/${segments.join('/')}/${resource}`;
  }

  private async request<T>(
    url: string,
    options: StalwartRequestOptions & { method?: string; body?: unknown },
  ): Promise<T> {
    const response = await this.fetchApi.fetch(url, {
      method: options.method ?? 'GET',
      signal: options.signal,
      headers:
        options.body === undefined
          ? undefined
          : { 'Content-Type': 'application/json' },
      body:
        options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
