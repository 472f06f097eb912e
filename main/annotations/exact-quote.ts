/**
 * Step 2 of resolving: the quote, character for character, somewhere else in the text.
 *
 * A candidate whose stored prefix and suffix also match exactly wins outright, nearest to the old position
 * first; this settles almost every highlight after an ordinary edit without any fuzzy comparison. Only
 * when no candidate keeps its context are candidates scored by context similarity and distance.
 */

import { normalizeArabic } from '../text';
import { candidateScore, contextIsTrusted, positionScore, type CandidateScores } from './anchor-score';
import type { AnchorText, PreparedTarget, Span } from './anchor-text';
import type { TextTarget } from '../../shared/annotation-model';
import { prefixSimilarity, reachedEdge, suffixSimilarity } from './context';

/**
 * A small edit shifts text by a few characters, so the neighbourhood of the old position usually holds the
 * answer; searching growing slices of it avoids scanning a whole long article per highlight.
 */
const NEAR_RADII = [256, 16_384];
/** A very common quote (one word) can occur thousands of times; score only the nearest ones. */
const MAX_SCORED = 256;

/** The same characters on both sides, and the same text edge where the stored context reached one. */
function keepsContext(text: string, at: number, target: TextTarget): boolean {
  const before = at - target.prefix.length;
  const after = at + target.exact.length + target.suffix.length;
  return (
    before >= 0 &&
    (before === 0 || !reachedEdge(target.prefix)) &&
    (after === text.length || !reachedEdge(target.suffix)) &&
    text.startsWith(target.prefix, before) &&
    text.startsWith(target.suffix, at + target.exact.length)
  );
}

function occurrences(text: string, quote: string, from = 0, to = text.length): number[] {
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  const found: number[] = [];
  for (let at = region.indexOf(quote); at !== -1; at = region.indexOf(quote, at + 1)) found.push(from + at);
  return found;
}

function nearest(candidates: number[], expected: number): number | undefined {
  let best: number | undefined;
  for (const at of candidates) {
    if (best === undefined || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best;
}

/** Context similarity in normalised form, so harakat added around a passage do not count against it. */
function scoresAt(text: string, at: number, prepared: PreparedTarget): CandidateScores {
  const { target, prefix, suffix } = prepared;
  const end = at + target.exact.length;
  // Twice the stored length (plus slack) still yields enough characters after harakat are removed.
  const beforeStart = Math.max(0, at - 2 * target.prefix.length - 8);
  const afterEnd = Math.min(text.length, end + 2 * target.suffix.length + 8);
  const before = normalizeArabic(text.slice(beforeStart, at)).text;
  const after = normalizeArabic(text.slice(end, afterEnd)).text;
  return {
    quote: 1,
    prefix: prefixSimilarity(prefix, reachedEdge(target.prefix), before, beforeStart === 0),
    suffix: suffixSimilarity(suffix, reachedEdge(target.suffix), after, afterEnd === text.length),
    position: positionScore(at, target.start, text.length),
  };
}

/**
 * Finds the quote itself elsewhere in the text; undefined when it is absent or no place is trustworthy.
 * `prepare` normalises the target's quote and context, which only the slow path needs.
 */
export function findExactQuote(
  doc: AnchorText,
  target: TextTarget,
  prepare: () => PreparedTarget,
): Span | undefined {
  const { text } = doc;
  const { exact, start: oldStart } = target;
  const span = (at: number): Span => ({ start: at, end: at + exact.length });

  // Any candidate outside a window is farther than the nearest one inside it, so this shortcut gives the
  // same answer as the full search below.
  for (const radius of NEAR_RADII) {
    const near = occurrences(
      text,
      exact,
      Math.max(0, oldStart - radius),
      Math.min(text.length, oldStart + radius + exact.length),
    );
    const nearKept = nearest(
      near.filter((at) => keepsContext(text, at, target)),
      oldStart,
    );
    if (nearKept !== undefined) return span(nearKept);
  }

  const all = occurrences(text, exact);
  const kept = nearest(
    all.filter((at) => keepsContext(text, at, target)),
    oldStart,
  );
  if (kept !== undefined) return span(kept);

  all.sort((a, b) => Math.abs(a - oldStart) - Math.abs(b - oldStart));
  const prepared = prepare();
  let best: { at: number; score: number } | undefined;
  for (const at of all.slice(0, MAX_SCORED)) {
    const scores = scoresAt(text, at, prepared);
    if (!contextIsTrusted(prepared.quote.length, scores)) continue;
    const score = candidateScore(scores);
    if (best === undefined || score > best.score) best = { at, score };
  }
  return best === undefined ? undefined : span(best.at);
}
