/**
 * The signals channel on which the backend tells that an instance's status verdict or
 * lifecycle phase changed; the message is `{ entityRef }` only, the status itself is read
 * through the status route as the user.
 *
 * @public
 */
export function statusSignalChannel(entityRef: string): string {
  return `stalwart:status:${entityRef.toLocaleLowerCase('en-US')}`;
}
