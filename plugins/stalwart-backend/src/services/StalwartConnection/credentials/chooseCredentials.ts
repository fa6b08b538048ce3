import { STALWART_ANNOTATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import type {
  CredentialsSecretRef,
  StalwartConnectionConfig,
} from '../../../config/readStalwartConnectionConfig';

/** A Secret key chosen for one instance in one cluster, with where the choice came from. */
export type CredentialsChoice =
  | {
      ref: Required<Omit<CredentialsSecretRef, 'secretNamespace'>> & {
        secretNamespace: string;
      };
      source: 'config' | 'annotation' | 'default';
    }
  | { problem: string };

// [apiKey:|basic:]<secret-name>[/<key>]; Secret names are lowercase DNS subdomains.
const ANNOTATION =
  /^(?:(apiKey|basic):)?([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?)(?:\/([-._a-zA-Z0-9]{1,253}))?$/;

/**
 * Which Secret holds the credentials for an instance: an operator's per-instance entry in
 * `stalwart.credentials.instances` first, then the entity's `stalwart.io/credentials-secret`
 * annotation (a Secret in the instance's own namespace only, so a catalog entry cannot point
 * the backend at another team's Secret), then `stalwart.credentials.default`.
 */
export function chooseCredentials(options: {
  config: Pick<
    StalwartConnectionConfig,
    'instanceCredentials' | 'defaultCredentials'
  >;
  cluster: string;
  namespace: string;
  release: string;
  annotations: Record<string, string>;
}): CredentialsChoice {
  const { config, cluster, namespace, release, annotations } = options;
  const configured = config.instanceCredentials.find(
    entry =>
      entry.namespace === namespace &&
      entry.release === release &&
      (!entry.cluster || entry.cluster === cluster),
  );
  if (configured) {
    const { secretName, key, type } = configured;
    return {
      ref: {
        secretName,
        key,
        type,
        secretNamespace: configured.secretNamespace ?? namespace,
      },
      source: 'config',
    };
  }

  const annotation =
    annotations[STALWART_ANNOTATIONS.credentialsSecret]?.trim();
  if (annotation) {
    const match = annotation.match(ANNOTATION);
    if (!match) {
      return {
        problem: `The annotation ${STALWART_ANNOTATIONS.credentialsSecret} must be [apiKey:|basic:]<secret-name>[/<key>], got "${annotation}"`,
      };
    }
    return {
      ref: {
        type: (match[1] as 'apiKey' | 'basic' | undefined) ?? 'apiKey',
        secretName: match[2],
        key: match[4] ?? 'apiKey',
        secretNamespace: namespace,
      },
      source: 'annotation',
    };
  }

  if (config.defaultCredentials) {
    const { secretName, key, type, secretNamespace } =
      config.defaultCredentials;
    return {
      ref: {
        secretName,
        key,
        type,
        secretNamespace: secretNamespace ?? namespace,
      },
      source: 'default',
    };
  }
  return {
    problem: `No Stalwart credentials are configured for release ${namespace}/${release}: set stalwart.credentials or the ${STALWART_ANNOTATIONS.credentialsSecret} annotation`,
  };
}
