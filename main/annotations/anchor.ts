/**
 * Describing a passage of an article and finding it again after the article changed (docs/ARCHITECTURE.md,
 * "Data flow: highlight a passage"). Text in, plain data out; every offset is a UTF-16 index into the canonical text.
 *
 * Resolving tries, in order:
 *   1. the stored position, if the quote is still there                       → 'exact'
 *   2. the quote anywhere else, by context and distance (exact-quote.ts)      → 'moved'
 *   3. near the old position, in normalised text (fuzzy-quote.ts): the quote
 *      exactly, then approximately, with thresholds                            → 'fuzzy'
 *   4. the normalised quote anywhere else (a long article's far end)           → 'fuzzy'
 *   5. nothing trustworthy                                                     → 'orphan' (start = end = -1)
 * 'moved' means the very same characters elsewhere; 'fuzzy' means the passage's characters changed too
 * (harakat, spacing or a real edit), so the reader may want to check the note still fits.
 */

import type { AnchorStatus, TextTarget } from '../../shared/annotation-model';
import {
  coversAll,
  createAnchorText,
  prepareTarget,
  type AnchorText,
  type PreparedTarget,
} from './anchor-text';
import { CONTEXT_LENGTH } from './context';
import { findExactQuote } from './exact-quote';
import { findApproximateQuote, findNormalizedQuote } from './fuzzy-quote';

export { CONTEXT_LENGTH };

export type AnchorResult = { status: AnchorStatus; start: number; end: number };

const ORPHAN: AnchorResult = { status: 'orphan', start: -1, end: -1 };

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Records the passage [start, end) of `text`: its position, its exact quote and up to 32 characters of
 * context each side. Throws a RangeError for an empty, reversed or out-of-range span.
 */
export function describeTarget(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`cannot describe [${start}, ${end}) in a text of length ${text.length}`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  // Context cut through a surrogate pair would store half a character; leave that character out.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

function resolveIn(doc: AnchorText, target: TextTarget): AnchorResult {
  const { text } = doc;
  if (target.exact.length === 0) return ORPHAN;
  if (target.start >= 0 && text.startsWith(target.exact, target.start)) {
    return { status: 'exact', start: target.start, end: target.start + target.exact.length };
  }
  let prepared: PreparedTarget | undefined;
  const prepare = (): PreparedTarget => (prepared ??= prepareTarget(target));
  const moved = findExactQuote(doc, target, prepare);
  if (moved !== undefined) return { status: 'moved', ...moved };
  const near = doc.around(target.start, target.end);
  const fuzzy =
    findNormalizedQuote(near, prepare(), text.length) ??
    findApproximateQuote(near, prepare(), text.length) ??
    (coversAll(near, text) ? undefined : findNormalizedQuote(doc.everywhere(), prepare(), text.length));
  return fuzzy === undefined ? ORPHAN : { status: 'fuzzy', ...fuzzy };
}

/** Finds one described passage in the current `text`. */
export function resolveTarget(text: string, target: TextTarget): AnchorResult {
  return resolveIn(createAnchorText(text), target);
}

/** Finds many passages in the same text, normalising the text (or the parts needed) once for all of them. */
export function resolveAll(text: string, targets: readonly TextTarget[]): AnchorResult[] {
  const doc = createAnchorText(text);
  return targets.map((target) => resolveIn(doc, target));
}
