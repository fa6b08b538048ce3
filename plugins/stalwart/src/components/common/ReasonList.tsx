import { List, ListItem, ListItemIcon, ListItemText } from '@material-ui/core';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';
import type { StatusReason } from '@stalwart-backstage/plugin-stalwart-common';

const ICONS = {
  critical: <ErrorIcon color="error" titleAccess="Critical" />,
  warning: <WarningIcon style={{ color: '#b26a00' }} titleAccess="Warning" />,
  info: <InfoIcon color="action" titleAccess="Information" />,
};

/** The findings behind a verdict, worst first as the status rules order them. */
export function ReasonList(props: { reasons: StatusReason[]; label: string }) {
  if (props.reasons.length === 0) return null;
  return (
    <List dense aria-label={props.label}>
      {props.reasons.map(reason => (
        <ListItem
          key={`${reason.cluster ?? ''}:${reason.code}:${reason.message}`}
          disableGutters
        >
          <ListItemIcon>{ICONS[reason.severity]}</ListItemIcon>
          <ListItemText
            primary={reason.message}
            secondary={reason.cluster ? `cluster ${reason.cluster}` : undefined}
          />
        </ListItem>
      ))}
    </List>
  );
}
