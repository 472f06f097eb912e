/**
 * Scoring a candidate place for a highlight, after Hypothesis's match-quote: (50·quote + 20·prefix +
 * 20·suffix + 2·position) / 92. Hypothesis accepts the best candidate whatever its score, which lets
 * "Linus" anchor to "chines" (hypothesis/client#2634); these thresholds turn such near-misses into orphans.
 */

/** A quote must match with at most one error in five characters (quote similarity ≥ 0.8). */
export function allowedQuoteErrors(quoteLength: number): number {
  return Math.floor(quoteLength / 5);
}

/** Below this length a quote is too common to trust on its own... */
export const SHORT_QUOTE_LENGTH = 20;
/** ...so one side of its context must still read (almost) the same. */
export const MIN_CONTEXT_SIMILARITY = 0.7;

/** Similarities in [0, 1] of a candidate's quote, context on each side, and closeness to the old position. */
export type CandidateScores = { quote: number; prefix: number; suffix: number; position: number };

/** The weighted score, in [0, 1]. */
export function candidateScore({ quote, prefix, suffix, position }: CandidateScores): number {
  return (50 * quote + 20 * prefix + 20 * suffix + 2 * position) / 92;
}

/** Whether a short quote's context is trustworthy enough; long quotes always are. */
export function contextIsTrusted(quoteLength: number, { prefix, suffix }: CandidateScores): boolean {
  // One side suffices: an edit right before or after a passage changes only that side.
  return quoteLength >= SHORT_QUOTE_LENGTH || Math.max(prefix, suffix) >= MIN_CONTEXT_SIMILARITY;
}

/** 1 at the old position, falling linearly to 0 at the far end of the text. */
export function positionScore(at: number, expected: number, textLength: number): number {
  return 1 - Math.abs(at - expected) / Math.max(1, textLength);
}
