import {
  createLibraryIndex,
  findInText,
  isEmptyQuery,
  normalizeArabic,
  parseQuery,
  type LibraryIndex,
  type NormalizedText,
} from '../search';
import type { ArticleMeta } from '../store';
import type { ServiceDeps } from './service-deps';
import type { Inputs, Outputs, SearchGroup } from './contract';
import { isUnreadableFile } from './library-health';

// Find-in-article keeps the normalised text of the last few articles: one keystroke must not re-normalise 1 MB.
const NORMALIZED_CACHE = 4;

/**
 * Search across the library and within one article. The index lives in memory: built from the store on the
 * first search (so it can never be stale after a restart), then kept up to date incrementally — an import
 * adds an article, a saved highlight marks its article's highlights for re-indexing at the next search (so a
 * save never pays for indexing), a deleted article is removed.
 */
export function searchMethods({ store, liveArticles, settings, requireArticle }: ServiceDeps) {
  // Whether "search everything" stems prefixes (a setting; the index is rebuilt when it changes).
  const stemming = () => settings().searchStemming;
  const readBlocks = async (articleId: string) => (await store.readArticle(articleId)).blocks;
  let index: LibraryIndex | null = null;
  const staleArticles = new Set<string>();
  const staleHighlights = new Set<string>();
  const normalized = new Map<string, NormalizedText>();
  const retry = new Set<string>();

  /**
   * Adds an article to the index; one whose files cannot be read is left out (and tried again at the next
   * search), so that one damaged file never stops a search of the rest of the library.
   */
  async function indexArticle(target: LibraryIndex, meta: ArticleMeta): Promise<void> {
    try {
      const blocks = await readBlocks(meta.id);
      const { highlights } = await store.annotations(meta.id);
      target.addArticle(meta, blocks);
      target.setHighlights(meta.id, highlights);
    } catch (error) {
      if (!isUnreadableFile(error)) throw error;
      target.removeArticle(meta.id);
      retry.add(meta.id);
    }
  }

  async function indexHighlights(target: LibraryIndex, meta: ArticleMeta): Promise<void> {
    try {
      const { highlights } = await store.annotations(meta.id);
      target.setArticleInfo(meta);
      target.setHighlights(meta.id, highlights);
    } catch (error) {
      if (!isUnreadableFile(error)) throw error;
      target.removeArticle(meta.id);
      retry.add(meta.id);
    }
  }

  async function ready(): Promise<LibraryIndex> {
    const live = new Map(liveArticles().map((meta) => [meta.id, meta]));
    if (!index || index.stem !== stemming()) {
      const fresh = createLibraryIndex({ stem: stemming() });
      for (const meta of live.values()) await indexArticle(fresh, meta);
      index = fresh;
      staleArticles.clear();
      staleHighlights.clear();
      for (const id of retry) staleArticles.add(id);
      retry.clear();
      return index;
    }
    for (const id of staleArticles) {
      const meta = live.get(id);
      if (meta) await indexArticle(index, meta);
      else index.removeArticle(id);
      staleHighlights.delete(id);
    }
    for (const id of staleHighlights) {
      const meta = live.get(id);
      if (meta) await indexHighlights(index, meta);
    }
    staleArticles.clear();
    staleHighlights.clear();
    for (const id of retry) staleArticles.add(id);
    retry.clear();
    return index;
  }

  async function normalizedArticle(id: string): Promise<NormalizedText> {
    const cached = normalized.get(id);
    if (cached) return cached;
    const text = (await readBlocks(id)).map((b) => b.text).join('\n\n');
    const norm = normalizeArabic(text);
    normalized.set(id, norm);
    if (normalized.size > NORMALIZED_CACHE) normalized.delete(normalized.keys().next().value ?? '');
    return norm;
  }

  return {
    /** An article was imported, replaced, trashed or restored. */
    articleChanged(id: string): void {
      staleArticles.add(id);
      normalized.delete(id);
    },
    /** An article's highlights, notes or tags changed. */
    highlightsChanged(id: string): void {
      staleHighlights.add(id);
    },

    async search({ query, kinds, tag, color, limit }: Inputs['search']): Promise<Outputs['search']> {
      const parsed = parseQuery(query, { stem: stemming() });
      if (isEmptyQuery(parsed)) return [];
      let hits = (await ready()).search(parsed, {
        kinds,
        tag,
        limit: color ? Math.max(limit ?? 200, 1000) : limit,
      });
      if (color) {
        // Colours live with the highlights, not in the index: keep the hits on highlights of that colour.
        const colours = new Map<string, string>();
        for (const articleId of new Set(hits.map((h) => h.articleId))) {
          for (const h of (await store.annotations(articleId)).highlights) colours.set(h.id, h.color);
        }
        hits = hits.filter((hit) => hit.highlightId !== undefined && colours.get(hit.highlightId) === color);
        hits = hits.slice(0, limit ?? 200);
      }
      const titles = new Map(liveArticles().map((meta) => [meta.id, meta.title]));
      const groups: SearchGroup[] = [];
      for (const hit of hits) {
        let group = groups.find((g) => g.articleId === hit.articleId);
        if (!group) {
          group = { articleId: hit.articleId, title: titles.get(hit.articleId) ?? '', hits: [] };
          groups.push(group);
        }
        group.hits.push({
          kind: hit.kind,
          start: hit.start,
          end: hit.end,
          snippet: hit.snippet,
          pieces: hit.pieces,
          highlightId: hit.highlightId ?? null,
        });
      }
      return groups;
    },

    async findInArticle({ id, query }: Inputs['findInArticle']): Promise<Outputs['findInArticle']> {
      requireArticle(id);
      const parsed = parseQuery(query);
      if (isEmptyQuery(parsed)) return [];
      return findInText(await normalizedArticle(id), parsed);
    },
  };
}
