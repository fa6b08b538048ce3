import { parseEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Button } from '@backstage/ui';
import { stalwartProposalMergePermission } from '@stalwart-backstage/plugin-stalwart-common';
import { useMemo, useState } from 'react';
import { useInstanceStatus } from '../../queries/useInstanceStatus';
import { MergeProposalDialog } from './MergeProposalDialog';

/**
 * "Merge to deploy" on an open proposal, for callers holding `stalwart.proposal.merge`. Its
 * dialog stays open while the status it refreshes moves the lifecycle on (and hides the
 * button), so it is kept apart from the notice.
 */
export function MergeProposalButton(props: {
  entityRef: string;
  branch: string;
  /** Whether the proposal is open and nothing runs yet (the button shows only then). */
  mergeable: boolean;
}) {
  const { entity } = useEntity();
  const status = useInstanceStatus(entity);
  const permission = usePermission({
    permission: stalwartProposalMergePermission,
    resourceRef: props.entityRef,
  });
  const [open, setOpen] = useState(false);
  // One object per entity: the dialog previews again whenever its entity ref changes.
  const entityRef = useMemo(
    () => parseEntityRef(props.entityRef),
    [props.entityRef],
  );
  if (!permission.allowed) return null;
  return (
    <>
      {props.mergeable && (
        <Button size="small" variant="primary" onPress={() => setOpen(true)}>
          Merge to deploy
        </Button>
      )}
      {open && (
        <MergeProposalDialog
          entityRef={entityRef}
          branch={props.branch}
          onClose={() => setOpen(false)}
          onMerged={() => {
            status.refresh();
          }}
        />
      )}
    </>
  );
}
