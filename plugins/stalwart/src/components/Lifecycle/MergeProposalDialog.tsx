import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Skeleton,
  Text,
} from '@backstage/ui';
import type { ProposalMergeResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { useEffect, useState } from 'react';
import { stalwartApiRef } from '../../api/StalwartApi';
import { errorMessage } from '../common/describeError';

type MergeState =
  | { step: 'previewing' }
  | { step: 'previewed' | 'merging'; preview: ProposalMergeResultV1 }
  | { step: 'merged'; result: ProposalMergeResultV1 }
  | { step: 'failed'; error: Error };

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
  const [state, setState] = useState<MergeState>({ step: 'previewing' });

  useEffect(() => {
    const controller = new AbortController();
    api
      .mergeProposal(entityRef, { dryRun: true }, { signal: controller.signal })
      .then(preview => setState({ step: 'previewed', preview }))
      .catch(error => {
        if (!controller.signal.aborted) setState({ step: 'failed', error });
      });
    return () => controller.abort();
  }, [api, entityRef]);

  const merge = (preview: ProposalMergeResultV1) => {
    setState({ step: 'merging', preview });
    api
      .mergeProposal(entityRef, {
        dryRun: false,
        expectedBaseSha: preview.baseSha,
        expectedHeadSha: preview.headSha,
      })
      .then(result => {
        setState({ step: 'merged', result });
        onMerged();
      })
      .catch(error => setState({ step: 'failed', error }));
  };

  return (
    <Dialog isOpen onOpenChange={open => !open && props.onClose()} width={560}>
      <DialogHeader>Merge branch {props.branch}</DialogHeader>
      <DialogBody>
        {state.step === 'previewing' && <Skeleton height={80} width="100%" />}
        {(state.step === 'previewed' || state.step === 'merging') && (
          <Flex direction="column" gap="2">
            <Text>
              Merging {state.preview.branch} into {state.preview.into} deploys
              the instance. It brings these files:
            </Text>
            <ul aria-label="Files the merge brings">
              {state.preview.files.map(file => (
                <li key={file.path}>
                  <Text variant="body-small">
                    {file.status}: <code>{file.path}</code>
                  </Text>
                </li>
              ))}
            </ul>
          </Flex>
        )}
        {state.step === 'merged' && (
          <Alert
            status="success"
            icon
            title={`Merged into ${
              state.result.into
            } as ${state.result.mergeSha?.slice(0, 12)}`}
            description="Flux or Argo CD deploys it at their next reconcile; this page follows along."
          />
        )}
        {state.step === 'failed' && (
          <Alert status="danger" icon title={errorMessage(state.error)} />
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={props.onClose}>
          {state.step === 'merged' ? 'Close' : 'Cancel'}
        </Button>
        {(state.step === 'previewed' || state.step === 'merging') && (
          <Button
            variant="primary"
            isPending={state.step === 'merging'}
            onPress={() => merge(state.preview)}
          >
            Merge into {state.preview.into}
          </Button>
        )}
      </DialogFooter>
    </Dialog>
  );
}
