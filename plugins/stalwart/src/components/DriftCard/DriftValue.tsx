import { Chip, Typography } from '@material-ui/core';
import LockIcon from '@material-ui/icons/Lock';

/** A declared or live value: masked ones say so, absent ones are a dash. */
export function DriftValue(props: {
  value?: string;
  masked: boolean;
  side: string;
}) {
  if (props.masked) {
    return (
      <Chip
        size="small"
        icon={<LockIcon fontSize="small" />}
        label="masked"
        aria-label={`${props.side} value masked (secret)`}
      />
    );
  }
  if (props.value === undefined) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        aria-label={`no ${props.side} value`}
      >
        –
      </Typography>
    );
  }
  return (
    <Typography
      variant="body2"
      component="code"
      style={{ wordBreak: 'break-all' }}
    >
      {props.value}
    </Typography>
  );
}
