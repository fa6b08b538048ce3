import { usePermission } from '@backstage/plugin-permission-react';
import { Button, Flex } from '@backstage/ui';
import {
  InstanceStatusResponseV1,
  stalwartGitOpsReconcilePermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { useState } from 'react';
import { GitOpsActionDialog } from './GitOpsActionDialog';
import { GitOpsButton, gitopsButtons } from './gitopsButtons';

/** The GitOps buttons under the summary, for callers holding `stalwart.gitops.reconcile`. */
export function GitOpsActions(props: { status: InstanceStatusResponseV1 }) {
  const { status } = props;
  const permission = usePermission({
    permission: stalwartGitOpsReconcilePermission,
    resourceRef: status.entityRef,
  });
  const [open, setOpen] = useState<GitOpsButton>();
  const buttons = gitopsButtons(status.clusters);
  if (buttons.length === 0 || !permission.allowed) return null;
  const entityRef = parseEntityRef(status.entityRef);
  return (
    <Flex gap="2" mt="4" role="group" aria-label="GitOps actions">
      {buttons.map(button => (
        <Button
          key={`${button.cluster}/${button.action}`}
          variant="secondary"
          size="small"
          onPress={() => setOpen(button)}
        >
          {button.label}
        </Button>
      ))}
      {open && (
        <GitOpsActionDialog
          entityRef={entityRef}
          button={open}
          onClose={() => setOpen(undefined)}
        />
      )}
    </Flex>
  );
}
