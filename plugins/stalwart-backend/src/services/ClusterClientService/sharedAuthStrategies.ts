import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  AwsIamStrategy,
  AzureIdentityStrategy,
  GoogleServiceAccountStrategy,
} from '@backstage/plugin-kubernetes-backend';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';

/**
 * The core Kubernetes plugin's auth providers whose credential is the backend's own (not a
 * viewer's), so one shared watch cache can use it. Each is the core plugin's own strategy,
 * reading the same config (`aws.*`, `kubernetes.googleServiceAccountCredentials`, Azure's
 * environment).
 */
export const SHARED_CREDENTIAL_AUTH_PROVIDERS = [
  'aws',
  'googleServiceAccount',
  'azure',
] as const;

export type SharedCredentialAuthProvider =
  (typeof SHARED_CREDENTIAL_AUTH_PROVIDERS)[number];

export type AuthStrategies = (
  provider: SharedCredentialAuthProvider,
) => AuthenticationStrategy;

/** Builds each strategy on first use, once, so an unused provider reads no config. */
export function sharedAuthStrategies(options: {
  config: RootConfigService;
  logger: LoggerService;
}): AuthStrategies {
  const built = new Map<SharedCredentialAuthProvider, AuthenticationStrategy>();
  const build = (provider: SharedCredentialAuthProvider) => {
    switch (provider) {
      case 'aws':
        return new AwsIamStrategy({ config: options.config });
      case 'googleServiceAccount':
        return new GoogleServiceAccountStrategy({ config: options.config });
      case 'azure':
        return new AzureIdentityStrategy(options.logger);
      default:
        throw new Error(`no shared-credential auth provider "${provider}"`);
    }
  };
  return provider => {
    if (!built.has(provider)) built.set(provider, build(provider));
    return built.get(provider)!;
  };
}
