import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button } from '@material-ui/core';
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
    <Box
      display="flex"
      style={{ gap: 8 }}
      mt={2}
      role="group"
      aria-label="GitOps actions"
    >
      {buttons.map(button => (
        <Button
          key={`${button.cluster}/${button.action}`}
          variant="outlined"
          size="small"
          onClick={() => setOpen(button)}
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
    </Box>
  );
}
