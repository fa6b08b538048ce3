import type {
  DriftClass,
  DriftItemV1,
  InstanceDriftResponseV1,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFT_CLASSES } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * Drift items of the homelab seed's v0.15 instance: the relay route that exists only in the
 * database, a listener edited live, a local key edited on a pod, a masked secret and server-managed keys.
 */
export const homelabDriftItems: DriftItemV1[] = [
  {
    id: 'queue.route.resend.address',
    key: 'queue.route.resend.address',
    group: 'queue.route.resend',
    class: 'database-only-user',
    explanation: 'database-only',
    live: 'smtp.resend.com',
    masked: false,
    pods: [],
    remediations: ['reset-to-git'],
  },
  {
    id: 'queue.route.resend.auth.secret',
    key: 'queue.route.resend.auth.secret',
    group: 'queue.route.resend',
    class: 'database-only-user',
    explanation: 'database-only',
    masked: true,
    pods: [],
    remediations: ['reset-to-git'],
  },
  {
    id: 'server.listener.smtp.bind',
    key: 'server.listener.smtp.bind',
    group: 'server.listener.smtp',
    class: 'changed-live',
    explanation: 'pod-on-old-config',
    declared: '[::]:25',
    live: '[::]:2525',
    masked: false,
    pods: [{ name: 'mail-antigenic-stalwart-helm-chart-1', nodeId: 2 }],
    remediations: ['restart-stale-pods'],
  },
  {
    id: 'server.hostname',
    key: 'server.hostname',
    group: 'server',
    class: 'changed-live',
    explanation: 'local-key-edited-live',
    declared: 'mail.example.com',
    live: 'mx.example.com',
    masked: false,
    pods: [{ name: 'mail-antigenic-stalwart-helm-chart-0', nodeId: 1 }],
    remediations: ['reset-to-git'],
  },
  {
    id: 'storage.data',
    key: 'storage.data',
    group: 'storage',
    class: 'in-sync',
    explanation: 'matches-git',
    declared: 'postgresql',
    live: 'postgresql',
    masked: false,
    pods: [],
    remediations: [],
  },
];

export const serverManagedItem: DriftItemV1 = {
  id: 'oauth.key',
  key: 'oauth.key',
  group: 'oauth',
  class: 'database-only-server',
  explanation: 'server-managed',
  masked: true,
  pods: [],
  remediations: [],
};

function countByClass(items: DriftItemV1[]): Record<DriftClass, number> {
  return Object.fromEntries(
    DRIFT_CLASSES.map(c => [c, items.filter(i => i.class === c).length]),
  ) as Record<DriftClass, number>;
}

/** A drift report over `items`; hidden classes counted but left out unless `includeHidden`. */
export function driftResponse(
  options: {
    items?: DriftItemV1[];
    includeHidden?: boolean;
    errors?: InstanceDriftResponseV1['errors'];
  } = {},
): InstanceDriftResponseV1 {
  const all = options.items ?? [...homelabDriftItems, serverManagedItem];
  const hiddenClasses: DriftClass[] = options.includeHidden
    ? []
    : ['database-only-server'];
  return {
    apiVersion: 'v1',
    entityRef: 'component:default/mail',
    engine: 'v0.15',
    cluster: 'homelab',
    instance: {
      release: 'mail',
      namespace: 'mail',
      chart: 'antigenic',
      version: 'v0.15.5',
    },
    counts: countByClass(all),
    hiddenClasses,
    items: all.filter(i => !hiddenClasses.includes(i.class)),
    pods: [
      {
        name: 'mail-antigenic-stalwart-helm-chart-0',
        nodeId: 1,
        staleConfig: false,
        read: true,
      },
      {
        name: 'mail-antigenic-stalwart-helm-chart-1',
        nodeId: 2,
        staleConfig: true,
        read: true,
      },
    ],
    errors: options.errors ?? [],
    fetchedAt: new Date(Date.now() - 60_000).toISOString(),
  };
}

/** The dry run the backend answers for resetting the relay route. */
export const resetRoutePlan: RemediationResultV1 = {
  dryRun: true,
  cluster: 'homelab',
  action: 'reset-to-git',
  engine: 'v0.15',
  itemIds: ['queue.route.resend.address'],
  calls: [
    {
      target: 'stalwart-rest',
      method: 'DELETE',
      path: '/api/settings/queue.route.resend.address',
      description:
        'Delete queue.route.resend.address from the settings database',
    },
    {
      target: 'stalwart-rest',
      method: 'GET',
      path: '/api/reload',
      description: 'Reload the settings',
    },
  ],
  restartRequired: false,
  pods: [],
  skipped: [],
};

/** The same plan carried out: both calls done, and the re-check finds the route gone. */
export const resetRouteApplied: RemediationResultV1 = {
  ...resetRoutePlan,
  dryRun: false,
  execution: {
    completed: true,
    results: [
      { index: 0, outcome: 'done' },
      { index: 1, outcome: 'done' },
    ],
  },
  recheck: {
    counts: driftResponse({ items: homelabDriftItems.slice(1) }).counts,
    remainingItemIds: [],
    rolloutStarted: false,
    errors: [],
    fetchedAt: new Date().toISOString(),
  },
};
