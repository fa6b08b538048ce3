/**
 * Expands `%{env:NAME}%`, `%{file:/path}%` and `%{cfg:key}%` as Stalwart does for file
 * values (file contents untrimmed; a leading `//` in file paths stripped).
 */
export function expandMacros(
  value: string,
  sources: {
    env: Record<string, string>;
    files: Record<string, string>;
    cfg: (key: string) => string | undefined;
  },
): string {
  return value.replace(
    /%\{(env|file|cfg):([^}]*)\}%/g,
    (_match, kind: string, arg: string) => {
      if (kind === 'env') return sources.env[arg] ?? '';
      if (kind === 'file')
        return sources.files[arg.replace(/^\/\//, '/')] ?? '';
      return sources.cfg(arg) ?? '';
    },
  );
}
