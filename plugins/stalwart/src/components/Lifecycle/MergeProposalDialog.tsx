import {
  type CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Flex, Text } from '@backstage/ui';
import type { ProposalMergeResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { useState } from 'react';
import { stalwartApiRef } from '../../api/StalwartApi';
import { PreviewApplyDialog } from '../common/PreviewApplyDialog';

/**
 * Previews the merge of the proposal (the files it brings to the deployed branch), merges
 * exactly that when confirmed, and says what happens next.
 */
export function MergeProposalDialog(props: {
  entityRef: CompoundEntityRef;
  branch: string;
  onClose: () => void;
  onMerged: () => void;
}) {
  const api = useApi(stalwartApiRef);
  const { entityRef, onMerged } = props;
  // The branch it merges into is the backend's to say: the preview names it.
  const [into, setInto] = useState<string>();
  return (
    <PreviewApplyDialog<ProposalMergeResultV1>
      title={`Merge branch ${props.branch}`}
      width={560}
      previewingLabel="Previewing the merge"
      // A string, so a status refresh that rebuilds the ref object does not preview again.
      previewKey={stringifyEntityRef(entityRef)}
      preview={async signal => {
        const preview = await api.mergeProposal(
          entityRef,
          { dryRun: true },
          { signal },
        );
        setInto(preview.into);
        return preview;
      }}
      renderPlan={preview => (
        <Flex direction="column" gap="2">
          <Text>
            Merging {preview.branch} into {preview.into} deploys the instance.
            It brings these files:
          </Text>
          <ul aria-label="Files the merge brings">
            {preview.files.map(file => (
              <li key={file.path}>
                <Text variant="body-small">
                  {file.status}: <code>{file.path}</code>
                </Text>
              </li>
            ))}
          </ul>
        </Flex>
      )}
      canApply={() => true}
      apply={async preview => {
        const result = await api.mergeProposal(entityRef, {
          dryRun: false,
          expectedBaseSha: preview.baseSha,
          expectedHeadSha: preview.headSha,
        });
        onMerged();
        return (
          <Alert
            status="success"
            icon
            title={`Merged into ${result.into} as ${result.mergeSha?.slice(
              0,
              12,
            )}`}
            description="Flux or Argo CD deploys it at their next reconcile; this page follows along."
          />
        );
      }}
      applyLabel={into ? `Merge into ${into}` : 'Merge'}
      applyingLabel="Merging…"
      failureTitles={{
        preview: 'Previewing the merge failed',
        apply: 'Merging failed',
      }}
      onClose={props.onClose}
    />
  );
}
