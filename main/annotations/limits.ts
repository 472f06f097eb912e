/** Bounds on what a user can write, checked at every edge (IPC schema, CLI, restore). */

/** A note this long is a pasted book, not a note; longer notes are refused with a message. */
export const MAX_NOTE_LENGTH = 100_000;
/** Tags are labels; 100 characters fits any real one in Arabic or English. */
export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 50;

/** Trims and collapses inner whitespace; null for a tag that is empty or only spaces. */
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().replace(/\s+/gu, ' ');
  return tag.length === 0 ? null : tag;
}

/** Normalised tags without duplicates (Latin compared case-insensitively), in first-seen order. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    if (tag === null || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    result.push(tag);
  }
  return result;
}
