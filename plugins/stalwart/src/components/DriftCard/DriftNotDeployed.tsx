import type { InstanceLifecycle } from '@stalwart-backstage/plugin-stalwart-common';
import { NotDeployedText } from '../Lifecycle/NotDeployedText';

/**
 * Drift compares git with a running Stalwart; before the instance is deployed there is none,
 * which is expected rather than a failed read.
 */
export function DriftNotDeployed(props: { lifecycle: InstanceLifecycle }) {
  return (
    <NotDeployedText
      lifecycle={props.lifecycle}
      what="no Stalwart runs it yet, so there are no live settings to compare with git. The drift is read once Flux or Argo CD deploys it."
    />
  );
}
