import { findInText, isEmptyQuery, normalizeArabic, parseQuery } from '../search';
import type { Color } from '../../shared/annotation-model';

/** What "every highlight" can be narrowed by; every field left out lets everything through. */
export type HighlightFilters = {
  color?: Color;
  tag?: string;
  articleId?: string;
  /** First day included (YYYY-MM-DD, or an ISO time whose day is taken), by the day it was made (UTC). */
  since?: string;
  /** Last day included, the same way. */
  until?: string;
  /** Words and "phrases", matched as library search matches them (diacritics, hamza forms, tatweel…). */
  query?: string;
};

/** The parts of a highlight a filter looks at. */
export type FilterableHighlight = {
  articleId: string;
  color: Color;
  tags: readonly string[];
  createdAt: string;
  note: string;
  target: { exact: string };
};

/**
 * A predicate for the filters. The query is parsed once here; each highlight's passage, note and tags are
 * normalised when tested, with the same rules as search everywhere else (all words must occur).
 */
export function highlightFilter(
  filters: HighlightFilters,
  options: { stem?: boolean } = {},
): (highlight: FilterableHighlight) => boolean {
  const since = filters.since?.slice(0, 10);
  const until = filters.until?.slice(0, 10);
  const parsed = filters.query ? parseQuery(filters.query, { stem: options.stem }) : null;
  const query = parsed && !isEmptyQuery(parsed) ? parsed : null;
  return (highlight) => {
    if (filters.color && highlight.color !== filters.color) return false;
    if (filters.tag !== undefined && !highlight.tags.includes(filters.tag)) return false;
    if (filters.articleId && highlight.articleId !== filters.articleId) return false;
    const day = highlight.createdAt.slice(0, 10);
    if (since && day < since) return false;
    if (until && day > until) return false;
    if (query) {
      const text = [highlight.target.exact, highlight.note, ...highlight.tags].join('\n');
      if (findInText(normalizeArabic(text, { stem: options.stem }), query).length === 0) return false;
    }
    return true;
  };
}
