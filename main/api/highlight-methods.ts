import { randomBytes } from 'node:crypto';
import { describeTarget, resolveAll, resolveTarget } from '../annotations/anchor';
import { uniqueTags } from '../annotations/limits';
import { compareReadingOrder, type Highlight } from '../../shared/annotation-model';
import { canonicalText } from '../../shared/article-model';
import { snapToGraphemes } from '../text';
import type { Inputs, Outputs, ResolvedHighlight } from './contract';
import { HamishError } from './errors';
import type { ServiceDeps } from './service-deps';

export type HighlightMethods = {
  [
    M in
      | 'createHighlight'
      | 'updateHighlight'
      | 'deleteHighlight'
      | 'restoreHighlight'
      | 'setArticleNote'
      | 'listTags'
  ]: (input: Inputs[M]) => Promise<Outputs[M]>;
} & {
  /** An article's highlights, each resolved in the article's current text, in reading order (orphans last). */
  resolvedHighlights(articleId: string): Promise<ResolvedHighlight[]>;
  /** Forgets the cached text of an article whose content was replaced. */
  forgetText(articleId: string): void;
};

/**
 * Highlights, notes and tags. Every change touches only that article's annotations file (or, for the
 * article's own note, library.json) and resolves only after the durable write completed.
 */
export function highlightMethods({ store, requireArticle, now, changed }: ServiceDeps): HighlightMethods {
  const notesChanged = (articleId: string) => changed({ articleId, what: 'notes' });
  const textCache = new Map<string, string>();

  async function textOf(articleId: string): Promise<string> {
    const cached = textCache.get(articleId);
    if (cached !== undefined) return cached;
    const text = canonicalText((await store.readArticle(articleId)).blocks);
    textCache.set(articleId, text);
    return text;
  }

  async function resolvedHighlights(articleId: string): Promise<ResolvedHighlight[]> {
    const { highlights } = await store.annotations(articleId);
    const anchors = resolveAll(
      await textOf(articleId),
      highlights.map((h) => h.target),
    );
    return highlights
      .map((highlight, i) => ({
        ...highlight,
        ...(anchors[i] ?? { status: 'orphan' as const, start: -1, end: -1 }),
      }))
      .sort(compareReadingOrder);
  }

  /** One highlight resolved in its article's text: only it, however many others the article has. */
  async function resolvedOne(highlight: Highlight): Promise<ResolvedHighlight> {
    return { ...highlight, ...resolveTarget(await textOf(highlight.articleId), highlight.target) };
  }

  /** The passage [start, end) checked against the article's text and widened to whole graphemes. */
  function passageIn(text: string, rawStart: number, rawEnd: number): { start: number; end: number } {
    if (rawEnd > text.length) {
      throw new HamishError(
        'invalid-input',
        `The passage [${rawStart}, ${rawEnd}) runs past the end of the article (${text.length}).`,
      );
    }
    // A passage never splits a letter from its harakat (or a surrogate pair): widen to whole graphemes.
    const span = snapToGraphemes(text, rawStart, rawEnd);
    if (text.slice(span.start, span.end).trim().length === 0) {
      throw new HamishError('invalid-input', 'The selection is empty or only spaces.');
    }
    return span;
  }

  function existing(highlights: readonly Highlight[], id: string, articleId: string): Highlight {
    const found = highlights.find((h) => h.id === id);
    if (!found) throw new HamishError('not-found', `No highlight with id ${id} in article ${articleId}.`);
    return found;
  }

  return {
    resolvedHighlights,
    forgetText: (articleId) => textCache.delete(articleId),

    async createHighlight({ articleId, start: rawStart, end: rawEnd, color, note = '', tags = [] }) {
      requireArticle(articleId);
      const text = await textOf(articleId);
      const { start, end } = passageIn(text, rawStart, rawEnd);
      const at = now().toISOString();
      const highlight: Highlight = {
        id: randomBytes(8).toString('hex'),
        articleId,
        color,
        target: describeTarget(text, start, end),
        note,
        tags: uniqueTags(tags),
        createdAt: at,
        updatedAt: at,
      };
      // Checked again as it is saved: the article may have been trashed and emptied meanwhile.
      await store.putHighlight(articleId, highlight, () => requireArticle(articleId));
      notesChanged(articleId);
      return { ...highlight, status: 'exact', start, end };
    },

    async updateHighlight({ articleId, id, color, note, tags, start, end }) {
      requireArticle(articleId);
      existing((await store.annotations(articleId)).highlights, id, articleId);
      // A new passage (the highlight extended) is described afresh in the current text.
      let target: Highlight['target'] | undefined;
      if (start !== undefined && end !== undefined) {
        const text = await textOf(articleId);
        const span = passageIn(text, start, end);
        target = describeTarget(text, span.start, span.end);
      }
      // Computed from the highlight as saved just before this change, so two edits made at once both land.
      const saved = await store.changeHighlight(articleId, id, (current) => {
        requireArticle(articleId); // checked again as it is saved: the article may have left meanwhile
        return {
          ...current,
          color: color ?? current.color,
          note: note ?? current.note,
          tags: tags === undefined ? current.tags : uniqueTags(tags),
          target: target ?? current.target,
          updatedAt: now().toISOString(),
        };
      });
      notesChanged(articleId);
      return resolvedOne(saved);
    },

    async deleteHighlight({ articleId, id }) {
      requireArticle(articleId);
      const found = existing((await store.annotations(articleId)).highlights, id, articleId);
      // null: deleted meanwhile by another call, which saved the same outcome.
      const deleted = (await store.deleteHighlight(articleId, id)) ?? found;
      notesChanged(articleId);
      return deleted;
    },

    async restoreHighlight({ highlight }) {
      requireArticle(highlight.articleId);
      const restored: Highlight = {
        ...highlight,
        target: { ...highlight.target },
        tags: uniqueTags(highlight.tags),
      };
      // Checked as it is saved, from the annotations as they are then: two undos of one delete restore it once.
      await store.putHighlight(highlight.articleId, restored, ({ highlights }) => {
        requireArticle(highlight.articleId);
        if (highlights.some((h) => h.id === highlight.id)) {
          throw new HamishError('invalid-input', `The highlight ${highlight.id} is already there.`);
        }
      });
      notesChanged(highlight.articleId);
      return resolvedOne(restored);
    },

    async setArticleNote({ id, note, tags }) {
      requireArticle(id);
      let result = { note: '', tags: [] as string[] };
      await store.updateLibrary((library) => {
        const entry = library.articles.find((a) => a.id === id && a.deletedAt === null);
        if (!entry) throw new HamishError('not-found', `No article with id ${id}.`);
        if (note !== undefined) entry.note = note;
        if (tags !== undefined) entry.tags = uniqueTags(tags);
        result = { note: entry.note, tags: [...entry.tags] };
      });
      notesChanged(id);
      return result;
    },

    async listTags() {
      const tags = new Set<string>();
      for (const article of store.library().articles) {
        if (article.deletedAt !== null) continue;
        for (const tag of article.tags) tags.add(tag);
        for (const highlight of (await store.annotations(article.id)).highlights) {
          for (const tag of highlight.tags) tags.add(tag);
        }
      }
      return [...tags].sort((a, b) => a.localeCompare(b));
    },
  };
}
