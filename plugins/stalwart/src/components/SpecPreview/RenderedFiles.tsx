import { Box, Tab, Tabs, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type {
  InstanceSpec,
  RenderedFile,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { renderInstancePreview } from '@stalwart-backstage/plugin-stalwart-charts';
import { useMemo, useState } from 'react';

type RenderResult = { files: RenderedFile[] } | { error: Error };

function render(spec: InstanceSpec): RenderResult {
  try {
    return { files: renderInstancePreview(spec) };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * values.yaml and the GitOps manifests for a valid spec, rendered in the browser by the shared
 * renderer without the Kubernetes model validators (the scaffolder's render actions validate
 * what they commit). Lives in its own chunk with the renderer.
 */
export default function RenderedFiles(props: { spec: InstanceSpec }) {
  const rendered = useMemo(() => render(props.spec), [props.spec]);
  const [tab, setTab] = useState(0);

  if ('error' in rendered) {
    return (
      <Alert severity="error">Rendering failed: {rendered.error.message}</Alert>
    );
  }
  const files = rendered.files;
  const shown = files[Math.min(tab, files.length - 1)];
  return (
    <Box>
      <Tabs
        value={Math.min(tab, files.length - 1)}
        onChange={(_e, next) => setTab(next)}
        variant="scrollable"
        aria-label="Rendered files"
      >
        {files.map(file => (
          <Tab
            key={file.path}
            label={file.path}
            id={`stalwart-file-${file.path}`}
          />
        ))}
      </Tabs>
      <Typography
        component="pre"
        variant="body2"
        aria-label={`Contents of ${shown.path}`}
        style={{
          maxHeight: 480,
          overflow: 'auto',
          fontFamily: 'monospace',
          margin: 0,
          padding: 8,
        }}
      >
        {shown.content}
      </Typography>
    </Box>
  );
}
