import { Text } from '@backstage/ui';
import type { CSSProperties } from 'react';
import { textDiff } from './textDiff';

const LINE: CSSProperties = {
  display: 'block',
  fontFamily: 'var(--bui-font-monospace)',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};
const REMOVED: CSSProperties = {
  background: 'var(--bui-negative-bg-subdued)',
  color: 'var(--bui-negative-fg-subdued)',
  textDecoration: 'none',
  borderRadius: 2,
};
const ADDED: CSSProperties = {
  ...REMOVED,
  background: 'var(--bui-positive-bg-subdued)',
  color: 'var(--bui-positive-fg-subdued)',
};

/**
 * One side of a declared/live pair, the part that differs from the other side highlighted
 * (`<del>` on the declared side, `<ins>` on the live side) so a screen reader says so too.
 */
export function DiffText(props: {
  text: string;
  other?: string;
  side: 'declared' | 'live';
}) {
  const { text, other, side } = props;
  if (other === undefined || other === text) {
    return (
      <Text as="span" title={text} style={LINE}>
        {text}
      </Text>
    );
  }
  const diff =
    side === 'declared' ? textDiff(text, other) : textDiff(other, text);
  const changed = side === 'declared' ? diff.before : diff.after;
  const Mark = side === 'declared' ? 'del' : 'ins';
  return (
    <Text as="span" title={text} style={LINE}>
      {diff.prefix}
      {changed && (
        <Mark style={side === 'declared' ? REMOVED : ADDED}>{changed}</Mark>
      )}
      {diff.suffix}
    </Text>
  );
}
