/**
 * A determinate progress bar drawn with Backstage UI's colour tokens, so it follows the app's
 * light and dark themes: Backstage UI has no progress bar of its own.
 */
export function ProgressBar(props: { value: number; labelledBy: string }) {
  const value = Math.min(100, Math.max(0, props.value));
  return (
    <div
      role="progressbar"
      aria-valuenow={value}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-labelledby={props.labelledBy}
      style={{
        height: 6,
        borderRadius: 3,
        marginTop: 'var(--bui-space-1)',
        background: 'var(--bui-bg-neutral-3)',
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          width: `${value}%`,
          height: '100%',
          background: 'var(--bui-accent-bg)',
        }}
      />
    </div>
  );
}
