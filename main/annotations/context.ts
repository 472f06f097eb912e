/**
 * Comparing a highlight's stored context with the text beside a candidate place, in normalised form.
 *
 * A side stored shorter than CONTEXT_LENGTH means the passage sat at the start (or end) of the text, and
 * that fact is evidence too: an empty prefix must not "match" the text before every occurrence of a quote.
 * So such a side is compared with an edge marker added, which only a candidate at the same edge shares.
 */

import { similarity } from './similarity';

/** Characters of context recorded on each side of a passage. */
export const CONTEXT_LENGTH = 32;

// Canonical text never contains NUL (docs/ARCHITECTURE.md, "Store on disk"), so these never meet a real character.
const EDGE = '\u0000';
const NOT_EDGE = '\u0001';

/** Whether a stored side (raw) reached the edge of the text; one short of CONTEXT_LENGTH still counts as
 * full, since describeTarget drops half a surrogate pair. */
export function reachedEdge(storedRaw: string): boolean {
  return storedRaw.length < CONTEXT_LENGTH - 1;
}

/**
 * Similarity of a normalised stored prefix to the end of `before` (normalised text before the candidate);
 * `beforeIsWhole` says whether `before` begins at the start of the text.
 */
export function prefixSimilarity(
  stored: string,
  edge: boolean,
  before: string,
  beforeIsWhole: boolean,
): number {
  const window = before.slice(Math.max(0, before.length - stored.length));
  if (!edge) return similarity(stored, window);
  const atEdge = beforeIsWhole && before.length <= stored.length;
  return similarity(EDGE + stored, (atEdge ? EDGE : NOT_EDGE) + window);
}

/** The mirror of prefixSimilarity: the stored suffix against the start of `after`. */
export function suffixSimilarity(
  stored: string,
  edge: boolean,
  after: string,
  afterIsWhole: boolean,
): number {
  const window = after.slice(0, stored.length);
  if (!edge) return similarity(stored, window);
  const atEdge = afterIsWhole && after.length <= stored.length;
  return similarity(stored + EDGE, window + (atEdge ? EDGE : NOT_EDGE));
}
