import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { JsonObject } from '@backstage/types';
import { Alert, Skeleton, Text } from '@backstage/ui';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { checkFormSpec } from './specProblems';
import { excludedKeys } from './uiOptions';

const RenderedFiles = lazy(() => import('./RenderedFiles'));

/** Validation and rendering wait for a pause in typing. */
const DEBOUNCE_MS = 300;

function useDebounced<T>(value: T): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

/**
 * The `StalwartSpecPreview` field: checks the whole form as an instance spec while the user
 * types and previews the files the template will commit.
 */
export function SpecPreviewField(props: FieldExtensionComponentProps<unknown>) {
  const formData = (props.formContext as { formData?: JsonObject } | undefined)
    ?.formData;
  const exclude = excludedKeys(props.uiSchema);
  const serialized = JSON.stringify(formData ?? {});
  const debounced = useDebounced(serialized);
  const checked = useMemo(
    () => checkFormSpec(JSON.parse(debounced), exclude),
    // `exclude` comes from the template and does not change while the form is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [debounced],
  );
  const title = props.schema.title ?? 'Preview';

  return (
    <section aria-label={title} style={{ marginTop: 'var(--bui-space-4)' }}>
      <Text as="h2" variant="title-small">
        {title}
      </Text>
      {props.schema.description && (
        <Text as="p" variant="body-medium" color="secondary">
          {props.schema.description}
        </Text>
      )}
      {checked.result.ok ? (
        <Suspense fallback={<Skeleton width="100%" height={160} />}>
          <RenderedFiles spec={checked.result.spec} />
        </Suspense>
      ) : (
        <Alert
          status="warning"
          icon
          role="status"
          mt="2"
          title="Fix these before the preview can render:"
          description={
            <ul aria-label="Spec problems" style={{ margin: 0 }}>
              {checked.lines.map(line => (
                <li key={line}>
                  <code>{line}</code>
                </li>
              ))}
            </ul>
          }
        />
      )}
    </section>
  );
}
