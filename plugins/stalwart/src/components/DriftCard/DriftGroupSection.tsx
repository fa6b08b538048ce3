import {
  Cell,
  Column,
  Flex,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
  Tag,
  TagGroup,
  Text,
} from '@backstage/ui';
import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import {
  DRIFT_CLASS_INFO,
  DRIFT_EXPLANATIONS,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { ReactNode } from 'react';
import { TruncatedText } from '../common/TruncatedText';
import { DriftGroup, fieldLines } from './driftGroups';
import { DriftValue } from './DriftValue';

/** What other parts of the plugin can put beside a group or an item (actions, badges). */
export interface DriftGroupSlots {
  groupActions?: (group: DriftGroup) => ReactNode;
  itemActions?: (item: DriftItemV1) => ReactNode;
  itemBadges?: (item: DriftItemV1) => ReactNode;
}

const SIDES = [
  ['declared', 'live'],
  ['live', 'declared'],
] as const;

const podsText = (item: DriftItemV1) =>
  item.pods.length === 0 ? 'All pods' : item.pods.map(p => p.name).join(', ');

/**
 * One object or section: its classes and explanation once, then one line per changed field
 * with declared and live side by side.
 */
export function DriftGroupSection(
  props: { group: DriftGroup } & DriftGroupSlots,
) {
  const { group, itemActions, itemBadges } = props;
  const lines = group.items.flatMap(item =>
    fieldLines(item).map((line, i) => ({ ...line, first: i === 0 })),
  );
  return (
    <section
      aria-label={group.title}
      style={{
        border: '1px solid var(--bui-border-1)',
        borderRadius: 'var(--bui-radius-3)',
        padding: 'var(--bui-space-3)',
      }}
    >
      <Flex align="center" justify="between" gap="3">
        <Flex align="center" gap="3" style={{ minWidth: 0 }}>
          <Text as="h3" variant="title-x-small" weight="bold" truncate>
            <code title={group.title}>{group.title}</code>
          </Text>
          <TagGroup aria-label={`Classes of ${group.title}`}>
            {group.classes.map(c => (
              <Tag key={c} size="small">
                {DRIFT_CLASS_INFO[c].label}
              </Tag>
            ))}
          </TagGroup>
        </Flex>
        {props.groupActions?.(group)}
      </Flex>
      {group.explanations.map(e => (
        <Text key={e} as="p" variant="body-small" color="secondary">
          {DRIFT_EXPLANATIONS[e]}
        </Text>
      ))}
      <TableRoot
        aria-label={`Settings of ${group.title}`}
        style={{ tableLayout: 'fixed', width: '100%' }}
      >
        <TableHeader>
          <Column isRowHeader style={{ width: '22%' }}>
            Setting
          </Column>
          <Column style={{ width: '26%' }}>Declared in git</Column>
          <Column style={{ width: '26%' }}>Live</Column>
          <Column style={{ width: '12%' }}>Pods</Column>
          <Column style={{ width: '14%' }}>
            {itemActions ? 'Actions' : ''}
          </Column>
        </TableHeader>
        <TableBody>
          {lines.map(line => (
            <Row
              key={`${line.item.id}#${line.path}`}
              id={`${line.item.id}#${line.path}`}
            >
              <Cell>
                <Flex align="center" gap="2">
                  <TruncatedText text={line.path || group.title} code />
                  {line.first && itemBadges?.(line.item)}
                </Flex>
              </Cell>
              {SIDES.map(([side, other]) => (
                <Cell key={side}>
                  <DriftValue
                    value={line[side]}
                    other={line[other]}
                    masked={line.item.masked}
                    side={side}
                  />
                </Cell>
              ))}
              <Cell>
                <TruncatedText text={podsText(line.item)} color="secondary" />
              </Cell>
              <Cell>{line.first && itemActions?.(line.item)}</Cell>
            </Row>
          ))}
        </TableBody>
      </TableRoot>
    </section>
  );
}
