import { Flex, TablePagination, Text } from '@backstage/ui';
import { useEffect, useState } from 'react';
import type { DriftGroup } from './driftGroups';
import { DriftGroupSection, DriftGroupSlots } from './DriftGroupSection';

const PAGE_SIZE = 20;

/** The groups, a page at a time, so a large drift report stays quick to render. */
export function DriftGroupList(
  props: { groups: DriftGroup[] } & DriftGroupSlots,
) {
  const { groups, ...slots } = props;
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [groups]);
  if (groups.length === 0) {
    return (
      <Text as="p" role="status">
        No settings match the search and class filters.
      </Text>
    );
  }
  return (
    <Flex
      direction="column"
      gap="3"
      aria-label="Drifted settings"
      role="region"
    >
      {groups.slice(offset, offset + PAGE_SIZE).map(group => (
        <DriftGroupSection key={group.key} group={group} {...slots} />
      ))}
      {groups.length > PAGE_SIZE && (
        <TablePagination
          pageSize={PAGE_SIZE}
          pageSizeOptions={[]}
          offset={offset}
          totalCount={groups.length}
          hasPreviousPage={offset > 0}
          hasNextPage={offset + PAGE_SIZE < groups.length}
          onPreviousPage={() => setOffset(o => Math.max(0, o - PAGE_SIZE))}
          onNextPage={() => setOffset(o => o + PAGE_SIZE)}
          getLabel={({ offset: from = 0, totalCount = 0 }) =>
            `Groups ${from + 1}–${Math.min(
              from + PAGE_SIZE,
              totalCount,
            )} of ${totalCount}`
          }
        />
      )}
    </Flex>
  );
}
