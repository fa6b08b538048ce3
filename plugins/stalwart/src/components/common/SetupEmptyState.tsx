import { EmptyState } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { ButtonLink, Text } from '@backstage/ui';
import { STALWART_ANNOTATIONS } from '@stalwart-backstage/plugin-stalwart-common';

const DEFAULT_DOCS_URL =
  'https://backstage.io/docs/features/software-catalog/descriptor-format#annotations-optional';

/** The setup documentation: app-config `stalwart.frontend.docsUrl`, else Backstage's. */
export function useStalwartDocsUrl(): string {
  const config = useApi(configApiRef);
  return (
    config.getOptionalString('stalwart.frontend.docsUrl') ?? DEFAULT_DOCS_URL
  );
}

/** Tells what is missing for the plugin to find the instance, and where to read more. */
export function SetupEmptyState(props: { missing: 'annotation' | 'clusters' }) {
  const docsUrl = useStalwartDocsUrl();
  const annotation = props.missing === 'annotation';
  return (
    <EmptyState
      missing={annotation ? 'field' : 'info'}
      title={
        annotation
          ? `Missing annotation: ${STALWART_ANNOTATIONS.release}`
          : 'No cluster runs this instance'
      }
      description={
        <Text as="span" variant="body-medium">
          {annotation ? (
            <>
              Add <code>{STALWART_ANNOTATIONS.release}</code> (the Helm release
              name) and <code>{STALWART_ANNOTATIONS.namespace}</code> to the
              entity&apos;s <code>metadata.annotations</code>; the Stalwart
              template writes both.
            </>
          ) : (
            <>
              The backend has no cluster to read: configure clusters under{' '}
              <code>kubernetes.clusterLocatorMethods</code> (type{' '}
              <code>config</code>) in app-config, and check the entity&apos;s{' '}
              <code>{STALWART_ANNOTATIONS.clusters}</code> annotation.
            </>
          )}
        </Text>
      }
      action={
        <ButtonLink
          variant="primary"
          href={docsUrl}
          target="_blank"
          rel="noopener"
        >
          Read the setup docs
        </ButtonLink>
      }
    />
  );
}
