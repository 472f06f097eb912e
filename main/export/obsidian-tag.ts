/**
 * Tags as Obsidian reads them. Obsidian's help ("Tags"): a tag may hold letters, numbers, `_`, `-` and
 * `/` (nesting), no spaces, and at least one character that is not a digit. Letters of every script
 * count, so Arabic tags stay Arabic; harakat (combining marks) stay with their letters.
 */

const NOT_ALLOWED = /[^\p{L}\p{M}\p{N}_\-/]/gu;

/** The Obsidian form of a tag without its `#`, or '' when nothing usable is left. */
export function obsidianTag(tag: string): string {
  const cleaned = tag
    .trim()
    .replace(/\s+/gu, '-')
    .replace(NOT_ALLOWED, '')
    // Empty nesting levels ("a//b", "/a") are not tags.
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '');
  if (cleaned === '') return '';
  // "2019" alone is not a tag in Obsidian; a leading underscore makes it one and keeps the number readable.
  return /^[\p{N}_\-/]+$/u.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** The distinct Obsidian tags of a list, in their first order. */
export function obsidianTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(obsidianTag).filter((tag) => tag !== ''))];
}
