import { Alert } from '@backstage/ui';
import type { DriftReadErrorV1 } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * Reads that failed, shown above the items that still loaded, and parts left out by design
 * (severity `info`), which say so calmly rather than as a failure.
 */
export function DriftReadErrors(props: { errors: DriftReadErrorV1[] }) {
  return (
    <>
      {props.errors.map(error => {
        const who = error.pod ? `Pod ${error.pod}` : 'Instance';
        const info = error.severity === 'info';
        return (
          <Alert
            key={`${error.pod ?? ''}:${error.source}`}
            status={info ? 'info' : 'warning'}
            icon
            title={
              info
                ? `${who}: ${error.message}`
                : `${who}: reading ${error.source} failed${
                    error.statusCode ? ` (HTTP ${error.statusCode})` : ''
                  }: ${error.message}`
            }
          />
        );
      })}
    </>
  );
}
