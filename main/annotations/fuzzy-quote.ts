/**
 * The resolving steps that work in normalised text, where harakat, tatweel, hamza seats, presentation
 * forms and whitespace runs cost nothing: the normalised quote exactly, then approximately, each within a
 * region (see anchor-text.ts). Either way the passage's characters differ from the stored quote, so the
 * caller reports 'fuzzy'.
 */

import search from 'approx-string-match';
import { toOriginalSpan } from '../text';
import {
  allowedQuoteErrors,
  candidateScore,
  contextIsTrusted,
  positionScore,
  type CandidateScores,
} from './anchor-score';
import { toNormalizedIndex, type PreparedTarget, type Region, type Span } from './anchor-text';
import { prefixSimilarity, reachedEdge, suffixSimilarity } from './context';

/** Hypothesis's cap on the errors approx-string-match may spend. */
const MAX_ERRORS_CAP = 256;
/** A very common quote can occur thousands of times; score only the nearest ones. */
const MAX_SCORED = 256;

type Match = { start: number; end: number; errors: number };

function bestCandidate(
  region: Region,
  prepared: PreparedTarget,
  textLength: number,
  matches: Match[],
): Span | undefined {
  const { norm, offset } = region;
  const { quote, prefix, suffix, target } = prepared;
  const [prefixAtEdge, suffixAtEdge] = [reachedEdge(target.prefix), reachedEdge(target.suffix)];
  const reachesEnd = offset + norm.original.length === textLength;
  const expected = toNormalizedIndex(norm, target.start - offset);
  const allowed = allowedQuoteErrors(quote.length);
  const nearestFirst = matches
    .filter((match) => match.errors <= allowed && match.end > match.start)
    .sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected))
    .slice(0, MAX_SCORED);
  let best: { match: Match; score: number } | undefined;
  for (const match of nearestFirst) {
    const scores: CandidateScores = {
      quote: 1 - match.errors / quote.length,
      prefix: prefixSimilarity(prefix, prefixAtEdge, norm.text.slice(0, match.start), offset === 0),
      suffix: suffixSimilarity(suffix, suffixAtEdge, norm.text.slice(match.end), reachesEnd),
      position: positionScore((norm.map[match.start] ?? 0) + offset, target.start, textLength),
    };
    if (!contextIsTrusted(quote.length, scores)) continue;
    const score = candidateScore(scores);
    if (best === undefined || score > best.score) best = { match, score };
  }
  if (best === undefined) return undefined;
  const span = toOriginalSpan(norm, best.match.start, best.match.end);
  return { start: span.start + offset, end: span.end + offset };
}

/** The normalised quote found exactly in the region (its diacritics or spacing changed). */
export function findNormalizedQuote(
  region: Region,
  prepared: PreparedTarget,
  textLength: number,
): Span | undefined {
  const { quote } = prepared;
  if (quote.length === 0) return undefined;
  const text = region.norm.text;
  const matches: Match[] = [];
  for (let at = text.indexOf(quote, region.from); at !== -1 && at + quote.length <= region.to;) {
    matches.push({ start: at, end: at + quote.length, errors: 0 });
    at = text.indexOf(quote, at + 1);
  }
  return bestCandidate(region, prepared, textLength, matches);
}

/** The best approximate match of the normalised quote in the region, if close enough and in context. */
export function findApproximateQuote(
  region: Region,
  prepared: PreparedTarget,
  textLength: number,
): Span | undefined {
  const { quote } = prepared;
  if (allowedQuoteErrors(quote.length) < 1) return undefined; // too short to differ and still be trusted
  // Hypothesis's bound; approx-string-match reports only the lowest-error matches, and bestCandidate
  // drops those above our own, tighter threshold.
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(quote.length / 2));
  const matches = search(region.norm.text.slice(region.from, region.to), quote, maxErrors).map((match) => ({
    start: match.start + region.from,
    end: match.end + region.from,
    errors: match.errors,
  }));
  return bestCandidate(region, prepared, textLength, matches);
}
