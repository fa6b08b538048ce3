/** Every adoption branch starts so, followed by the instance folder and a digest of its items. */
export const ADOPTION_BRANCH_PREFIX = 'stalwart-adopt/';

const TRAILER = 'Adopts-Item: ';

/**
 * The one commit message of an adoption, whichever repository receives it: the title, a blank
 * line and one `Adopts-Item:` trailer per item, which is how an open proposal is read back.
 */
export function adoptionCommitMessage(
  title: string,
  itemIds: readonly string[],
): string {
  return [title, '', ...itemIds.map(id => `${TRAILER}${id}`)].join('\n');
}

/** The item ids an adoption's commit message (or the description made from it) adopts. */
export function adoptedItemIds(message: string | undefined | null): string[] {
  return (message ?? '')
    .split(/\r?\n/)
    .filter(line => line.startsWith(TRAILER))
    .map(line => line.slice(TRAILER.length).trim());
}
