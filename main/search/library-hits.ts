/**
 * From matching documents to the hits a user sees: grouped by article — articles with more matching
 * documents first, ties in the order articles were added — and within an article by position (then
 * article text before highlight before note). One hit per document, at its first match.
 */

import { normalizeArabic } from '../text';
import type { DocumentKind } from './library-documents';
import type { IndexedDocument } from './library-matching';
import { originalSpan } from './original-span';
import { makeSnippet, type SnippetPieces } from './snippet';

/** One result: see library-documents.ts for what `start`/`end` mean per kind. */
export type SearchHit = {
  articleId: string;
  kind: DocumentKind;
  start: number;
  end: number;
  /** `pieces.before + pieces.match + pieces.after`, on one line. */
  snippet: string;
  pieces: SnippetPieces;
  highlightId?: string;
};

const KIND_ORDER: Record<DocumentKind, number> = { article: 0, highlight: 1, note: 2 };

/**
 * The documents of the best-ranked articles, only as many articles as `limit` needs: a common word
 * matches most of the library, and sorting all of it for the first page would waste the time.
 */
function topGroups(
  matches: readonly IndexedDocument[],
  limit: number,
  articles: number,
): IndexedDocument[][] {
  const counts = new Int32Array(articles);
  for (const { articleOrder } of matches) counts[articleOrder] = (counts[articleOrder] ?? 0) + 1;
  const ranked: number[] = [];
  counts.forEach((count, order) => {
    if (count > 0) ranked.push(order);
  });
  ranked.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
  const rankOf = new Int32Array(articles).fill(-1);
  const groups: IndexedDocument[][] = [];
  for (let total = 0; groups.length < ranked.length && total < limit;) {
    const order = ranked[groups.length] ?? 0;
    rankOf[order] = groups.length;
    groups.push([]);
    total += counts[order] ?? 0;
  }
  for (const document of matches) {
    const rank = rankOf[document.articleOrder] ?? -1;
    if (rank >= 0) groups[rank]?.push(document);
  }
  for (const group of groups) {
    group.sort((a, b) => a.start - b.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  }
  return groups;
}

/** The hit for a matching document, at its first match (the longer needle when two start together). */
function hitOf(document: IndexedDocument, needles: readonly string[], stem: boolean): SearchHit {
  // Offsets are needed for a page of hits only, so the offset map is rebuilt here rather than kept.
  const norm = normalizeArabic(document.text, { stem });
  let at = -1;
  let length = 0;
  for (const needle of needles) {
    const found = norm.text.indexOf(needle);
    if (found >= 0 && (at < 0 || found < at || (found === at && needle.length > length))) {
      at = found;
      length = needle.length;
    }
  }
  const span = at >= 0 ? originalSpan(norm, at, at + length) : { start: 0, end: 0 };
  const pieces = makeSnippet(document.text, span.start, span.end);
  const inArticle = document.kind === 'article';
  return {
    articleId: document.articleId,
    kind: document.kind,
    start: inArticle ? document.offset + span.start : document.start,
    end: inArticle ? document.offset + span.end : document.end,
    snippet: pieces.before + pieces.match + pieces.after,
    pieces,
    ...(document.highlightId === undefined ? {} : { highlightId: document.highlightId }),
  };
}

/**
 * At most `limit` hits for `matches`, in result order. `needles` are the query's normalised words and
 * phrases; `stem` the index's setting; `articles` one more than the highest `articleOrder`.
 */
export function rankedHits(
  matches: readonly IndexedDocument[],
  needles: readonly string[],
  options: { limit: number; stem: boolean; articles: number },
): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const group of topGroups(matches, options.limit, options.articles)) {
    for (const document of group) {
      if (hits.length >= options.limit) return hits;
      hits.push(hitOf(document, needles, options.stem));
    }
  }
  return hits;
}
