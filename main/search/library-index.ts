/**
 * Search across the library: article blocks, highlight quotes, notes and tags. In memory, pure,
 * built from the store at start-up (500 articles of 20 MB in about a second, see `npm run bench`) and kept
 * current incrementally: an import, an edit or a deletion re-indexes only what changed.
 *
 * Matching follows query.ts: every word and phrase must occur within ONE document (a block, a quote, a
 * note); words match inside words. Results are grouped by article (library-hits.ts); library-documents.ts
 * says what each kind of hit reports.
 *
 * The index has its own `stem` setting; a query parsed with the other setting is parsed again from its
 * `raw` text, since index and query must be normalised alike.
 */

import type { Highlight } from '../../shared/annotation-model';
import type { Block } from '../../shared/article-model';
import { normalizeArabic } from '../text';
import { rankedHits, type SearchHit } from './library-hits';
import { collectMatches, type IndexedDocument } from './library-matching';
import {
  articleNoteDocuments,
  blockDocuments,
  highlightDocuments,
  type DocumentKind,
  type LibraryDocument,
} from './library-documents';
import { isEmptyQuery, parseQuery, queryNeedles, type ParsedQuery } from './query';
import { TermIndex } from './term-index';

export type { DocumentKind } from './library-documents';
export type { SearchHit } from './library-hits';
export type { SnippetPieces } from './snippet';

/** What the index needs of an article's metadata (an ArticleMeta fits). */
export type ArticleInfo = { id: string; tags: readonly string[]; note: string };

export type SearchFilters = {
  /** Only these kinds (e.g. ['note'] for "only my notes"); all kinds when absent. */
  kinds?: readonly DocumentKind[];
  /** Only documents of articles or highlights carrying this tag (compared normalised); '' = any. */
  tag?: string;
  /** At most this many hits (default DEFAULT_LIMIT). */
  limit?: number;
};

export type LibraryIndex = {
  readonly stem: boolean;
  /** Indexes an article's blocks, note and tags; replaces them if the article is already indexed. */
  addArticle(info: ArticleInfo, blocks: readonly Block[]): void;
  /** Replaces only the article's note and tags (no need to re-read its blocks). */
  setArticleInfo(info: ArticleInfo): void;
  /** Forgets an article with its highlights and notes. */
  removeArticle(articleId: string): void;
  /** Replaces the article's highlights (quotes, notes, tags) by these; before or after addArticle. */
  setHighlights(articleId: string, highlights: readonly Highlight[]): void;
  search(query: ParsedQuery, filters?: SearchFilters): SearchHit[];
  stats(): { articles: number; documents: number; terms: number };
};

/** Hits returned when the caller sets no limit. */
export const DEFAULT_LIMIT = 200;
/** Shared by the many documents without tags of their own. */
const NO_TAGS: readonly string[] = [];

type ArticleEntry = {
  id: string;
  order: number;
  tags: Set<string>;
  blocks: IndexedDocument[];
  note: IndexedDocument[];
  highlights: IndexedDocument[];
};

function normalizedTag(tag: string): string {
  return normalizeArabic(tag).text.trim();
}

class InMemoryLibraryIndex implements LibraryIndex {
  private readonly terms = new TermIndex();
  /** By document id; null once removed (until `compact` renumbers). */
  private documents: (IndexedDocument | null)[] = [];
  private readonly articles = new Map<string, ArticleEntry>();
  private removed = 0;
  private added = 0;
  private nextOrder = 0;

  constructor(readonly stem: boolean) {}

  addArticle(info: ArticleInfo, blocks: readonly Block[]): void {
    const entry = this.entry(info.id);
    this.remove(entry.blocks);
    entry.blocks = this.index(entry, blockDocuments(blocks));
    this.setArticleInfo(info);
    this.compactIfWorthIt();
  }

  setArticleInfo(info: ArticleInfo): void {
    const entry = this.entry(info.id);
    entry.tags = new Set(info.tags.map(normalizedTag));
    this.remove(entry.note);
    entry.note = this.index(entry, articleNoteDocuments(info.note, info.tags));
  }

  removeArticle(articleId: string): void {
    const entry = this.articles.get(articleId);
    if (!entry) return;
    this.remove([...entry.blocks, ...entry.note, ...entry.highlights]);
    this.articles.delete(articleId);
    this.compactIfWorthIt();
  }

  setHighlights(articleId: string, highlights: readonly Highlight[]): void {
    const entry = this.entry(articleId);
    this.remove(entry.highlights);
    const sorted = [...highlights].sort((a, b) => a.target.start - b.target.start);
    entry.highlights = this.index(entry, sorted.flatMap(highlightDocuments));
    this.compactIfWorthIt();
  }

  search(query: ParsedQuery, filters: SearchFilters = {}): SearchHit[] {
    const parsed = query.stem === this.stem ? query : parseQuery(query.raw, { stem: this.stem });
    const wanted = filters.limit ?? DEFAULT_LIMIT;
    const limit = Number.isNaN(wanted) ? DEFAULT_LIMIT : Math.max(0, Math.floor(wanted));
    if (isEmptyQuery(parsed) || limit === 0) return [];
    // An empty tag (a cleared filter box) filters nothing.
    const tag = filters.tag ? normalizedTag(filters.tag) || undefined : undefined;
    const kinds = filters.kinds ? new Set(filters.kinds) : undefined;
    const matches = collectMatches(this.terms, this.documents, parsed, (document) => {
      if (kinds && !kinds.has(document.kind)) return false;
      if (tag === undefined) return true;
      return (
        this.articles.get(document.articleId)?.tags.has(tag) === true || document.normalizedTags.includes(tag)
      );
    });
    return rankedHits(matches, queryNeedles(parsed), { limit, stem: this.stem, articles: this.nextOrder });
  }

  stats(): { articles: number; documents: number; terms: number } {
    return {
      articles: this.articles.size,
      documents: this.added - this.removed,
      terms: this.terms.termCount,
    };
  }

  private entry(articleId: string): ArticleEntry {
    let entry = this.articles.get(articleId);
    if (!entry) {
      entry = {
        id: articleId,
        order: this.nextOrder++,
        tags: new Set(),
        blocks: [],
        note: [],
        highlights: [],
      };
      this.articles.set(articleId, entry);
    }
    return entry;
  }

  private index(entry: ArticleEntry, documents: readonly LibraryDocument[]): IndexedDocument[] {
    return documents.map((document) => {
      // Every field written in one order, so all documents share one shape and the search loops stay fast.
      const indexed: IndexedDocument = {
        id: this.documents.length,
        articleId: entry.id,
        articleOrder: entry.order,
        kind: document.kind,
        text: document.text,
        offset: document.offset,
        start: document.start,
        end: document.end,
        highlightId: document.highlightId,
        tags: document.tags,
        normalized: normalizeArabic(document.text, { stem: this.stem }).text,
        normalizedTags: document.tags.length > 0 ? document.tags.map(normalizedTag) : NO_TAGS,
      };
      this.documents.push(indexed);
      this.terms.add(indexed.id, indexed.normalized);
      this.added++;
      return indexed;
    });
  }

  private remove(documents: readonly IndexedDocument[]): void {
    for (const document of documents) {
      if (this.documents[document.id] !== document) continue;
      this.documents[document.id] = null;
      this.removed++;
    }
  }

  /**
   * Drops removed documents from the postings once they are as many as the live ones: each compaction
   * costs one pass over the postings and follows at least as many removals, so removal stays cheap on
   * average while memory stays bounded.
   */
  private compactIfWorthIt(): void {
    const live = this.added - this.removed;
    const dead = this.documents.length - live;
    if (dead < 1024 || dead < live) return;
    const renumber = new Int32Array(this.documents.length).fill(-1);
    const kept: IndexedDocument[] = [];
    for (const document of this.documents) {
      if (!document) continue;
      renumber[document.id] = kept.length;
      document.id = kept.length;
      kept.push(document);
    }
    this.terms.compact(renumber);
    this.documents = kept;
  }
}

/** An empty library index; `stem` (default off) must match how queries are parsed, see the module comment. */
export function createLibraryIndex(options: { stem?: boolean } = {}): LibraryIndex {
  return new InMemoryLibraryIndex(options.stem ?? false);
}
