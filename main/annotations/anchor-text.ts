/**
 * An article's text as the resolver sees it: the text itself and normalised regions of it. The whole
 * text is normalised at most once and shared by every highlight; a highlight that needs only its own
 * neighbourhood in a long article gets that normalised alone, which is far cheaper than the whole.
 */

import { normalizeArabic, type NormalizedText } from '../text';
import type { TextTarget } from '../../shared/annotation-model';

/** Normalised text of `original.slice(offset)`; candidates are searched in norm.text[from, to). */
export type Region = { norm: NormalizedText; offset: number; from: number; to: number };

export type AnchorText = {
  readonly text: string;
  /** The normalised neighbourhood of [start, end): NEAR characters either side. */
  around(start: number, end: number): Region;
  /** The whole normalised text. */
  everywhere(): Region;
};

/** A target with its quote and context normalised once, for the steps that compare normalised text. */
export type PreparedTarget = {
  readonly target: TextTarget;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
};

export type Span = { start: number; end: number };

/** How far around the old position the neighbourhood reaches: all of a typical article. */
export const NEAR = 32_768;
/** After this many neighbourhoods, normalising the whole text once is the cheaper way. */
const NEIGHBOURHOODS_BEFORE_WHOLE = 8;

/** The first index in the normalised text whose original index is ≥ `originalIndex` (binary search). */
export function toNormalizedIndex(norm: NormalizedText, originalIndex: number): number {
  let low = 0;
  let high = norm.map.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((norm.map[middle] ?? 0) < originalIndex) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Wraps `text` for resolving; normalisation waits until a step needs it. */
export function createAnchorText(text: string): AnchorText {
  let whole: NormalizedText | undefined;
  let neighbourhoods = 0;
  const everywhere = (): Region => {
    whole ??= normalizeArabic(text);
    return { norm: whole, offset: 0, from: 0, to: whole.text.length };
  };
  const around = (start: number, end: number): Region => {
    const low = Math.max(0, start - NEAR);
    const high = Math.min(text.length, Math.max(start, end) + NEAR);
    if (
      whole === undefined &&
      (low > 0 || high < text.length) &&
      neighbourhoods < NEIGHBOURHOODS_BEFORE_WHOLE
    ) {
      neighbourhoods++;
      const norm = normalizeArabic(text.slice(low, high));
      return { norm, offset: low, from: 0, to: norm.text.length };
    }
    const region = everywhere();
    return { ...region, from: toNormalizedIndex(region.norm, low), to: toNormalizedIndex(region.norm, high) };
  };
  return { text, around, everywhere };
}

/** Whether a region is the whole text (so searching it again elsewhere would be pointless). */
export function coversAll(region: Region, text: string): boolean {
  return (
    region.offset === 0 &&
    region.from === 0 &&
    region.to === region.norm.text.length &&
    region.norm.original === text
  );
}

/** Normalises a target's quote and context. */
export function prepareTarget(target: TextTarget): PreparedTarget {
  return {
    target,
    quote: normalizeArabic(target.exact).text,
    prefix: normalizeArabic(target.prefix).text,
    suffix: normalizeArabic(target.suffix).text,
  };
}
