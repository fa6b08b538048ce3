import { Alert } from '@backstage/ui';
import type { DriftReadErrorV1 } from '@stalwart-backstage/plugin-stalwart-common';

/** Reads that failed, shown above the items that still loaded. */
export function DriftReadErrors(props: { errors: DriftReadErrorV1[] }) {
  return (
    <>
      {props.errors.map(error => (
        <Alert
          key={`${error.pod ?? ''}:${error.source}`}
          status="warning"
          icon
          title={`${error.pod ? `Pod ${error.pod}` : 'Instance'}: reading ${
            error.source
          } failed${error.statusCode ? ` (HTTP ${error.statusCode})` : ''}: ${
            error.message
          }`}
        />
      ))}
    </>
  );
}
