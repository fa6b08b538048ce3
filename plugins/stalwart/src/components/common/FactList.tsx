import { Text } from '@backstage/ui';
import type { ReactNode } from 'react';

/**
 * Label and value pairs as a description list in two columns: the labels take the width of the
 * longest, the values the rest, so a wide card has no gap between them.
 */
export function FactList(props: { children: ReactNode; label?: string }) {
  return (
    <dl
      aria-label={props.label}
      style={{
        display: 'grid',
        gridTemplateColumns: 'max-content minmax(0, 1fr)',
        columnGap: 'var(--bui-space-4)',
        rowGap: 'var(--bui-space-1)',
        margin: 0,
      }}
    >
      {props.children}
    </dl>
  );
}

export function Fact(props: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>
        <Text as="span" variant="body-medium" color="secondary">
          {props.label}
        </Text>
      </dt>
      <dd style={{ margin: 0, minWidth: 0 }}>
        <Text as="div" variant="body-medium">
          {props.children}
        </Text>
      </dd>
    </>
  );
}
