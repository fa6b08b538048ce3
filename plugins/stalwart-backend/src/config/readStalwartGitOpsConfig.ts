import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** The GitOps action routes' settings, read once at startup. */
export interface StalwartGitOpsConfig {
  /**
   * The namespaces the Argo CD controller reconciles Applications in: its own namespace and
   * those in its `application.namespaces` setting. An Application elsewhere is refused.
   */
  argoCdWatchedNamespaces: string[];
  /** How long an executed action waits for the controller to answer before returning. */
  resultWaitMs: number;
}

/** Reads `stalwart.gitops`. */
export function readStalwartGitOpsConfig(config: Config): StalwartGitOpsConfig {
  const gitops = config.getOptionalConfig('stalwart.gitops');
  const resultWaitMs = gitops?.has('resultWait')
    ? durationToMilliseconds(
        readDurationFromConfig(gitops, { key: 'resultWait' }),
      )
    : 5000;
  if (resultWaitMs > 60_000)
    throw new Error('stalwart.gitops.resultWait must be at most 1 minute');
  return {
    argoCdWatchedNamespaces: gitops?.getOptionalStringArray(
      'argoCdWatchedNamespaces',
    ) ?? ['argocd'],
    resultWaitMs,
  };
}
