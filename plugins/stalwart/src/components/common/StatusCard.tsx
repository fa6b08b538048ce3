import { useEntity } from '@backstage/plugin-catalog-react';
import {
  InstanceStatusResponseV1,
  isStalwartInstance,
  stalwartInstanceReadPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import { ReactNode } from 'react';
import { useInstanceStatus } from '../../queries/useInstanceStatus';
import { QueryStateFrame } from './QueryStateFrame';
import { SectionCard } from './SectionCard';
import { SetupEmptyState } from './SetupEmptyState';

/**
 * A card about the current entity's instance status: the shared status query's loading,
 * denied, failed and empty states, and `children` once data exists.
 */
export function StatusCard(props: {
  title: string;
  skeletonLines?: number;
  children: (status: InstanceStatusResponseV1) => ReactNode;
}) {
  const { entity } = useEntity();
  const query = useInstanceStatus(entity);
  return (
    <SectionCard title={props.title}>
      {isStalwartInstance(entity) ? (
        <QueryStateFrame
          query={query}
          subject="instance status"
          permission={stalwartInstanceReadPermission.name}
          skeletonLines={props.skeletonLines}
        >
          {status =>
            status.clusters.length === 0 ? (
              <SetupEmptyState missing="clusters" />
            ) : (
              props.children(status)
            )
          }
        </QueryStateFrame>
      ) : (
        <SetupEmptyState missing="annotation" />
      )}
    </SectionCard>
  );
}
