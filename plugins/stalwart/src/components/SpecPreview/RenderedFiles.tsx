import { Alert, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
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
  const [chosen, setChosen] = useState<string>();

  if ('error' in rendered) {
    return (
      <Alert
        status="danger"
        icon
        mt="2"
        title={`Rendering failed: ${rendered.error.message}`}
      />
    );
  }
  const files = rendered.files;
  // A file the user chose can vanish when the form changes (another GitOps tool): fall back.
  const selected = files.some(f => f.path === chosen) ? chosen : files[0]?.path;
  return (
    <Tabs
      selectedKey={selected}
      onSelectionChange={key => setChosen(String(key))}
    >
      <TabList aria-label="Rendered files">
        {files.map(file => (
          <Tab key={file.path} id={file.path}>
            {file.path}
          </Tab>
        ))}
      </TabList>
      {files.map(file => (
        <TabPanel key={file.path} id={file.path}>
          <pre
            aria-label={`Contents of ${file.path}`}
            style={{
              maxHeight: 480,
              overflow: 'auto',
              fontFamily: 'var(--bui-font-monospace)',
              fontSize: 'var(--bui-font-size-2)',
              color: 'var(--bui-fg-primary)',
              margin: 0,
              padding: 'var(--bui-space-2)',
            }}
          >
            {file.content}
          </pre>
        </TabPanel>
      ))}
    </Tabs>
  );
}
