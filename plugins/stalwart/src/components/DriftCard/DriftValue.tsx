import { Tag, TagGroup, Text } from '@backstage/ui';
import { DiffText } from '../common/values/DiffText';

/** A declared or live value: masked ones say so, absent ones are a dash, changes highlighted. */
export function DriftValue(props: {
  value?: string;
  other?: string;
  masked: boolean;
  side: 'declared' | 'live';
}) {
  if (props.masked) {
    return (
      <TagGroup aria-label={`${props.side} value masked (secret)`}>
        <Tag size="small">masked</Tag>
      </TagGroup>
    );
  }
  if (props.value === undefined) {
    return (
      <Text as="span" color="secondary" aria-label={`no ${props.side} value`}>
        –
      </Text>
    );
  }
  return <DiffText text={props.value} other={props.other} side={props.side} />;
}
