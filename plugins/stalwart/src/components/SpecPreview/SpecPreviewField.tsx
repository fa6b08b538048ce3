import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { JsonObject } from '@backstage/types';
import { Box, List, ListItem, Typography } from '@material-ui/core';
import { Alert, Skeleton } from '@material-ui/lab';
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
    <Box component="section" aria-label={title} mt={2}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {props.schema.description && (
        <Typography variant="body2" color="textSecondary">
          {props.schema.description}
        </Typography>
      )}
      {checked.result.ok ? (
        <Suspense fallback={<Skeleton variant="rect" height={160} />}>
          <RenderedFiles spec={checked.result.spec} />
        </Suspense>
      ) : (
        <Alert severity="warning" role="status">
          <Typography variant="body2">
            Fix these before the preview can render:
          </Typography>
          <List dense aria-label="Spec problems">
            {checked.lines.map(line => (
              <ListItem key={line} disableGutters>
                <code>{line}</code>
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}
