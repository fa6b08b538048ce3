import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { Skeleton } from '@backstage/ui';
import { lazy, Suspense } from 'react';

const SpecPreviewField = lazy(() =>
  import('./SpecPreviewField').then(m => ({ default: m.SpecPreviewField })),
);

/** The field for legacy apps, whose field extensions are not loaded lazily by the scaffolder. */
export function LazySpecPreviewField(
  props: FieldExtensionComponentProps<unknown>,
) {
  return (
    <Suspense fallback={<Skeleton width="100%" height={160} />}>
      <SpecPreviewField {...props} />
    </Suspense>
  );
}
