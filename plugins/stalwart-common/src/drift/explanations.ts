import type {
  DriftClass,
  DriftExplanationId,
  DriftRemediationAction,
} from '../api/driftV1';

/**
 * How the UI names and explains a drift class.
 *
 * @public
 */
export interface DriftClassInfo {
  label: string;
  /** What the class means, in plain words. */
  description: string;
  /** True for classes the drift view folds away unless asked (server-managed keys). */
  hiddenByDefault: boolean;
}

/**
 * The one place the drift classes are explained (../shared/docs/stalwart-v015.md §2.1–2.8,
 * stalwart-v016.md §1–2).
 *
 * @public
 */
export const DRIFT_CLASS_INFO: Record<DriftClass, DriftClassInfo> = {
  'in-sync': {
    label: 'In sync',
    description: 'The server runs what git declares.',
    hiddenByDefault: false,
  },
  'changed-live': {
    label: 'Changed live',
    description:
      'The server runs a different value from the one git declares: a pod still on an older config, or an edit made in the admin UI.',
    hiddenByDefault: false,
  },
  'database-only-user': {
    label: 'Only in the database, user-managed',
    description:
      'Set in Stalwart’s settings database (through the admin UI or the API) and declared nowhere in git. It survives restarts and redeploys, and Argo CD and Flux cannot see it.',
    hiddenByDefault: false,
  },
  'database-only-server': {
    label: 'Only in the database, server-managed',
    description:
      'Stalwart created this itself (on first start or with its spam-filter rules); nobody needs to declare it.',
    hiddenByDefault: true,
  },
  'missing-live': {
    label: 'Declared but missing live',
    description: 'Git declares this, but the server does not have it.',
    hiddenByDefault: false,
  },
};

/**
 * Why one item is in its class, in plain words: the specific cause behind the class.
 *
 * @public
 */
export const DRIFT_EXPLANATIONS: Record<DriftExplanationId, string> = {
  'matches-git': 'The live value equals the declared one.',
  'secret-not-comparable':
    'Stalwart never returns a literal secret (it answers "****"), so only its presence could be checked.',
  'pod-on-old-config':
    'This pod started before the ConfigMap last changed and still runs the previous config.toml. Restarting it loads the current one.',
  'local-key-edited-live':
    'A local key (config.local-keys) edited through the admin UI or the API: the edit went into this pod’s own copy of config.toml. The chart copies the ConfigMap again on every start, so the next restart silently reverts it.',
  'pod-file-differs':
    'The pod started on the current ConfigMap, yet its config.toml serves another value: the file was rewritten inside the pod. A restart restores the ConfigMap’s value.',
  'edited-in-registry':
    'Changed in the registry (admin UI or API) after the settings plan was applied. Re-applying the plan restores the declared value.',
  'database-only':
    'Nothing in git declares this; it exists only in Stalwart’s settings database.',
  'server-managed':
    'Inserted by Stalwart itself: oauth.key, the downloaded spam-filter rules, the queue defaults (v0.15) or the default objects a fresh registry gets (v0.16).',
  'not-served':
    'Declared in git, but the server does not serve it although the pod runs the current config.',
  'not-in-registry':
    'The settings plan declares this object, but the registry does not hold it: the plan was not applied, or the object was deleted since.',
};

/**
 * How the UI names a remediation, and what it does.
 *
 * @public
 */
export const DRIFT_REMEDIATIONS: Record<
  DriftRemediationAction,
  { label: string; description: string }
> = {
  'reset-to-git': {
    label: 'Reset to git',
    description:
      'Removes the live change so the declared value applies again: deletes database keys and reloads (v0.15), or re-applies the declared object and reloads the settings (v0.16).',
  },
  'restart-stale-pods': {
    label: 'Restart pods on the old config',
    description:
      'Rolls the StatefulSet so every pod starts on the current ConfigMap.',
  },
};
