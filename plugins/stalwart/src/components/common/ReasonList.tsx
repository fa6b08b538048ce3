import { Flex, Text } from '@backstage/ui';
import {
  RiErrorWarningFill,
  RiAlertFill,
  RiInformationFill,
} from '@remixicon/react';
import type { StatusReason } from '@stalwart-backstage/plugin-stalwart-common';

const ICON_SIZE = 20;

// The icon names the severity, so the list reads without colour.
const ICONS = {
  critical: (
    <RiErrorWarningFill
      size={ICON_SIZE}
      role="img"
      aria-label="Critical"
      color="var(--bui-negative-fg-subdued)"
    />
  ),
  warning: (
    <RiAlertFill
      size={ICON_SIZE}
      role="img"
      aria-label="Warning"
      color="var(--bui-warning-fg-subdued)"
    />
  ),
  info: (
    <RiInformationFill
      size={ICON_SIZE}
      role="img"
      aria-label="Information"
      color="var(--bui-fg-secondary)"
    />
  ),
};

/** The findings behind a verdict, worst first as the status rules order them. */
export function ReasonList(props: { reasons: StatusReason[]; label: string }) {
  if (props.reasons.length === 0) return null;
  return (
    <ul
      aria-label={props.label}
      style={{ listStyle: 'none', margin: 'var(--bui-space-2) 0', padding: 0 }}
    >
      {props.reasons.map(reason => (
        <li
          key={`${reason.cluster ?? ''}:${reason.code}:${reason.message}`}
          style={{ marginBottom: 'var(--bui-space-2)' }}
        >
          <Flex gap="2" align="start">
            <span style={{ flex: 'none', lineHeight: 0 }}>
              {ICONS[reason.severity]}
            </span>
            <div style={{ minWidth: 0 }}>
              <Text as="p" variant="body-medium">
                {reason.message}
              </Text>
              {reason.cluster && (
                <Text as="p" variant="body-small" color="secondary">
                  cluster {reason.cluster}
                </Text>
              )}
            </div>
          </Flex>
        </li>
      ))}
    </ul>
  );
}
