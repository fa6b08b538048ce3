import { Text } from '@backstage/ui';
import type { CSSProperties } from 'react';

const MONO: CSSProperties = { fontFamily: 'var(--bui-font-monospace)' };

/**
 * One line that ends in an ellipsis when it does not fit, never breaking inside a word. The
 * full text is the hover title and stays in the DOM, so selecting and copying it copies it all.
 */
export function TruncatedText(props: {
  text: string;
  code?: boolean;
  color?: 'primary' | 'secondary';
  label?: string;
}) {
  return (
    <Text
      as="span"
      variant="body-medium"
      color={props.color}
      truncate
      title={props.text}
      aria-label={props.label}
      style={{
        display: 'block',
        maxWidth: '100%',
        ...(props.code ? MONO : {}),
      }}
    >
      {props.text}
    </Text>
  );
}
