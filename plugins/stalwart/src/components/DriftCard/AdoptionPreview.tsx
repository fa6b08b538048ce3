import { Flex, Text } from '@backstage/ui';
import type { AdoptionResultV1 } from '@stalwart-backstage/plugin-stalwart-common';

/** The dry run of an adoption: where it goes, the exact diff, and what it refuses. */
export function AdoptionPreview(props: { plan: AdoptionResultV1 }) {
  const { plan } = props;
  return (
    <Flex direction="column" gap="2">
      <Text as="p" variant="body-small">
        Branch <code>{plan.branch}</code> · folder <code>{plan.folder}</code>
      </Text>
      {plan.files.map(file => (
        <figure key={file.path} style={{ margin: 0 }}>
          <figcaption>
            <Text variant="body-small" weight="bold">
              <code>
                {plan.folder}/{file.path}
              </code>
            </Text>
          </figcaption>
          <pre
            aria-label={`Diff of ${file.path}`}
            style={{
              // Plan lines are whole JSON objects: wrapped, the changed field at the end shows.
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
              maxHeight: 320,
              overflowY: 'auto',
              padding: 'var(--bui-space-2)',
              background: 'var(--bui-bg-neutral-2, var(--bui-bg-surface-2))',
              borderRadius: 'var(--bui-radius-2)',
              fontSize: 12,
            }}
          >
            {file.diff}
          </pre>
        </figure>
      ))}
      {plan.refused.length > 0 && (
        <ul aria-label="Not adopted">
          {plan.refused.map(r => (
            <li key={r.itemId}>
              <Text variant="body-small">
                <code>{r.itemId}</code>: {r.reason}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
