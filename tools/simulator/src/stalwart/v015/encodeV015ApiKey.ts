/**
 * An API key in the v0.15 format, `api_` and base64 of `<name>:<secret>`, as Stalwart's admin UI
 * hands it out (shared/docs/stalwart-v015.md), for scenarios and tests.
 *
 * @public
 */
export function encodeV015ApiKey(name: string, secret: string): string {
  return `api_${Buffer.from(`${name}:${secret}`).toString('base64')}`;
}
