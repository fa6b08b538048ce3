/**
 * Labels on every object the renderer generates (Namespace, Certificate, HelmRelease,
 * Application, ExternalSecret, …) whatever the instance, so the status backend can watch them
 * with one selector per kind.
 *
 * @public
 */
export const RENDERER_WATCH_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/managed-by': 'stalwart-gitops',
};

/**
 * {@link RENDERER_WATCH_LABELS} as a label selector.
 *
 * @public
 */
export const RENDERER_WATCH_SELECTOR = Object.entries(RENDERER_WATCH_LABELS)
  .map(([key, value]) => `${key}=${value}`)
  .join(',');
