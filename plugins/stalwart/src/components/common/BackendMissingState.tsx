import { Alert } from '@backstage/ui';

/** What the tab says when the app has the frontend plugin but the backend lacks its half. */
export function BackendMissingState() {
  return (
    <Alert
      status="warning"
      icon
      role="status"
      title={
        <>
          The Stalwart backend plugin is not installed in this Backstage:
          nothing answers <code>/api/stalwart</code>. Add{' '}
          <code>@stalwart-backstage/plugin-stalwart-backend</code> to the
          backend (
          <code>
            backend.add(import(&apos;@stalwart-backstage/plugin-stalwart-backend&apos;))
          </code>
          ), as the plugin&apos;s README describes.
        </>
      }
    />
  );
}
