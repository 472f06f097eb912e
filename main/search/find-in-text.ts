/**
 * Find in article: every match of a query in one text, as offsets in the ORIGINAL text, for painting and
 * the n / m counter. The caller normalises the article once (normalizeArabic, with the same `stem` setting
 * as the query) and passes it on every keystroke; this only scans it.
 *
 * A query matches the article only if every word and phrase occurs in it at least once (the same "all
 * words" rule as library search); then every occurrence of each is reported, so the reader sees where
 * each word is. If one word is missing, nothing is reported: painting the others would suggest a match.
 */

import type { NormalizedText } from '../text';
import { originalSpan, type TextSpan } from './original-span';
import { queryNeedles, type ParsedQuery } from './query';

export type { TextSpan } from './original-span';

/** Non-overlapping occurrences of `needle`, in order, mapped to the original text. */
function occurrences(norm: NormalizedText, needle: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const text = norm.text;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    spans.push(originalSpan(norm, at, at + needle.length));
  }
  return spans;
}

/** Merges two lists sorted by start into one. */
function mergeSorted(a: readonly TextSpan[], b: readonly TextSpan[]): TextSpan[] {
  const out: TextSpan[] = new Array<TextSpan>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as TextSpan;
    const y = b[j] as TextSpan;
    if (x.start <= y.start) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as TextSpan;
  while (j < b.length) out[k++] = b[j++] as TextSpan;
  return out;
}

/**
 * Joins spans that overlap: two words matching inside one word (حرب in الحرب), or hits that map to the
 * same original character (both letters of a ligature, every word of ﷺ). Touching spans stay apart, so
 * «كتبكتب» searched for كتب counts two.
 */
function coalesce(sorted: TextSpan[]): TextSpan[] {
  // Overlaps are rare: check first, so the usual case (tens of thousands of spans) allocates nothing more.
  let overlaps = false;
  for (let i = 1; i < sorted.length && !overlaps; i++) {
    overlaps = (sorted[i] as TextSpan).start < (sorted[i - 1] as TextSpan).end;
  }
  if (!overlaps) return sorted;
  const out: TextSpan[] = [];
  let current: TextSpan | undefined;
  for (const span of sorted) {
    if (current && span.start < current.end) {
      if (span.end > current.end) current = { start: current.start, end: span.end };
      out[out.length - 1] = current;
    } else {
      current = span;
      out.push(span);
    }
  }
  return out;
}

/**
 * Every match of `query` in `norm`, as [start, end) offsets in `norm.original`, in document order and
 * non-overlapping; empty when the query is empty or one of its words or phrases does not occur.
 */
export function findInText(norm: NormalizedText, query: ParsedQuery): TextSpan[] {
  let merged: TextSpan[] | undefined;
  for (const needle of queryNeedles(query)) {
    const found = occurrences(norm, needle);
    if (found.length === 0) return [];
    merged = merged ? mergeSorted(merged, found) : found;
  }
  return merged ? coalesce(merged) : [];
}
