import { Box, Tab, Tabs, Typography } from '@material-ui/core';
import { Alert, Skeleton } from '@material-ui/lab';
import type {
  InstanceSpec,
  RenderedFile,
} from '@stalwart-backstage/plugin-stalwart-common';
import { renderInstance } from '@stalwart-backstage/plugin-stalwart-common';
import { useEffect, useState } from 'react';

type RenderState =
  | { state: 'rendering'; files?: RenderedFile[] }
  | { state: 'done'; files: RenderedFile[] }
  | { state: 'failed'; error: Error };

/**
 * values.yaml and the GitOps manifests for a valid spec, rendered in the browser by the same
 * renderer the scaffolder actions run. Lives in its own chunk with the Kubernetes models.
 */
export default function RenderedFiles(props: { spec: InstanceSpec }) {
  const [render, setRender] = useState<RenderState>({ state: 'rendering' });
  const [tab, setTab] = useState(0);

  useEffect(() => {
    let current = true;
    setRender(previous =>
      previous.state === 'done'
        ? { state: 'rendering', files: previous.files }
        : previous,
    );
    renderInstance(props.spec).then(
      files => current && setRender({ state: 'done', files }),
      error => current && setRender({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [props.spec]);

  if (render.state === 'failed') {
    return (
      <Alert severity="error">Rendering failed: {render.error.message}</Alert>
    );
  }
  if (!render.files) {
    return (
      <div role="progressbar" aria-label="Rendering the preview">
        <Skeleton variant="rect" height={160} />
      </div>
    );
  }
  const files = render.files;
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
