/**
 * Tag rules the renderer applies before asking main to save; they mirror main/annotations/limits.ts and the
 * contract's schema (which the renderer may not import), so a tag the input accepts is never refused later.
 */

/** Longest tag, in UTF-16 code units as the contract's schema counts. */
export const MAX_TAG_LENGTH = 100;
/** Most tags on one highlight or article. */
export const MAX_TAGS = 50;

/** Latin comma and Arabic comma (U+060C): either ends a tag as it is typed or pasted. */
export const TAG_SEPARATORS = /[,،]/u;

export type TagProblem = 'empty' | 'too-long' | 'duplicate' | 'too-many';

/** Trims and collapses inner whitespace; refuses an empty tag and one longer than MAX_TAG_LENGTH. */
export function normalizeTag(
  raw: string,
): { ok: true; tag: string } | { ok: false; reason: 'empty' | 'too-long' } {
  const tag = raw.trim().replace(/\s+/gu, ' ');
  if (tag.length === 0) return { ok: false, reason: 'empty' };
  if (tag.length > MAX_TAG_LENGTH) return { ok: false, reason: 'too-long' };
  return { ok: true, tag };
}

/** What two tags are compared by: Latin (and other cased scripts) case-insensitively; Arabic has no case. */
export function tagKey(tag: string): string {
  return tag.toLowerCase();
}

/** Adds one tag to a list; a tag already there (compared by tagKey) is a problem, not a second copy. */
export function addTag(
  tags: readonly string[],
  raw: string,
): { ok: true; tags: string[] } | { ok: false; reason: TagProblem } {
  const result = normalizeTag(raw);
  if (!result.ok) return result;
  const key = tagKey(result.tag);
  if (tags.some((tag) => tagKey(tag) === key)) return { ok: false, reason: 'duplicate' };
  if (tags.length >= MAX_TAGS) return { ok: false, reason: 'too-many' };
  return { ok: true, tags: [...tags, result.tag] };
}

/**
 * Adds typed or pasted text that may hold several tags separated by commas. All are added or, at the first
 * problem, none, so the text can stay in the input to be corrected.
 */
export function addTags(
  tags: readonly string[],
  raw: string,
): { ok: true; tags: string[] } | { ok: false; reason: TagProblem } {
  // "a, b," ends with an empty piece: trailing and doubled separators are not empty tags, but "," alone is.
  const pieces = raw.split(TAG_SEPARATORS).filter((piece, _, all) => all.length === 1 || piece.trim() !== '');
  if (pieces.length === 0) return { ok: false, reason: 'empty' };
  let next: readonly string[] = tags;
  for (const piece of pieces) {
    const result = addTag(next, piece);
    if (!result.ok) return result;
    next = result.tags;
  }
  return { ok: true, tags: [...next] };
}

/**
 * Suggestions for typed text: used tags not on this list yet that contain the text (case-insensitive),
 * those starting with it first, each once, at most `limit`.
 */
export function matchSuggestions(
  text: string,
  suggestions: readonly string[],
  tags: readonly string[],
  limit = 8,
): string[] {
  const query = tagKey(text.trim().replace(/\s+/gu, ' '));
  if (query === '') return [];
  const taken = new Set(tags.map(tagKey));
  const starts: string[] = [];
  const contains: string[] = [];
  for (const suggestion of suggestions) {
    const key = tagKey(suggestion);
    if (taken.has(key)) continue;
    taken.add(key);
    if (key.startsWith(query)) starts.push(suggestion);
    else if (key.includes(query)) contains.push(suggestion);
  }
  return [...starts, ...contains].slice(0, limit);
}
