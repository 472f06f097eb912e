import type { Highlight } from '../../shared/annotation-model';
import { highlightFilter, type HighlightFilters } from '../review/highlight-filter';
import {
  chooseReviewSet,
  dayOf,
  DEFAULT_SET_SIZE,
  nextState,
  streakOf,
  withDay,
  type ReviewCandidate,
  type ReviewState,
} from '../review/schedule';
import type { ArticleMeta, ReviewFile } from '../store';
import type { HighlightEntry, Inputs, Outputs, ResolvedHighlight } from './contract';
import { HamishError } from './errors';
import type { ServiceDeps } from './service-deps';

type Deps = ServiceDeps & {
  /** An article's highlights resolved in its current text, in reading order (the highlight method set's). */
  resolvedHighlights: (articleId: string) => Promise<ResolvedHighlight[]>;
};

export type ReviewMethods = {
  [M in 'listAllHighlights' | 'reviewSet' | 'answerReview']: (input: Inputs[M]) => Promise<Outputs[M]>;
};

const NO_REVIEW: ReviewFile = { highlights: {}, days: [] };

function newestFirst(a: HighlightEntry, b: HighlightEntry): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1;
}

/**
 * Every highlight of the library in one list, and the daily review (its schedule: main/review/schedule.ts).
 * Review state lives in library.json under `review`, so backups and restores carry it with the library.
 */
export function reviewMethods({ store, now, resolvedHighlights, settings }: Deps): ReviewMethods {
  // Whether search stems prefixes: the same setting as search everywhere else.
  const stemming = () => settings().searchStemming;
  const review = (): ReviewFile => store.library().review ?? NO_REVIEW;

  /** An article's highlights, resolved; if its text cannot be read, every one is listed as an orphan. */
  async function resolvedOrOrphans(articleId: string): Promise<ResolvedHighlight[]> {
    try {
      return await resolvedHighlights(articleId);
    } catch {
      const { highlights } = await store.annotations(articleId);
      return highlights.map((h) => ({ ...h, status: 'orphan' as const, start: -1, end: -1 }));
    }
  }

  function entry(highlight: ResolvedHighlight, meta: ArticleMeta, states: ReviewFile): HighlightEntry {
    return {
      ...highlight,
      articleTitle: meta.title,
      articleDir: meta.dir,
      review: states.highlights[highlight.id] ?? null,
    };
  }

  function reviewProgress(states: ReviewFile) {
    const today = dayOf(now());
    const reviewedToday = Object.values(states.highlights).filter(
      (state) => dayOf(new Date(state.lastSeen)) === today,
    ).length;
    return { streak: streakOf(states.days, today), reviewedToday };
  }

  const live = () => store.library().articles.filter((a) => a.deletedAt === null);

  return {
    async listAllHighlights({ order = 'newest', offset = 0, limit, ...filters }) {
      const matches = highlightFilter(filters as HighlightFilters, { stem: stemming() });
      const states = review();
      let leftOut = 0;
      for (const meta of store.library().articles) {
        if (meta.deletedAt === null || (filters.articleId && filters.articleId !== meta.id)) continue;
        const annotations = await store.annotations(meta.id).catch(() => ({ highlights: [] as Highlight[] }));
        leftOut += annotations.highlights.filter(matches).length;
      }
      const articles = live();
      if (order === 'article') articles.sort((a, b) => a.title.localeCompare(b.title));
      const highlights: HighlightEntry[] = [];
      for (const meta of articles) {
        if (filters.articleId && filters.articleId !== meta.id) continue;
        for (const h of await resolvedOrOrphans(meta.id))
          if (matches(h)) highlights.push(entry(h, meta, states));
      }
      if (order === 'newest') highlights.sort(newestFirst);
      const page = limit === undefined ? highlights.slice(offset) : highlights.slice(offset, offset + limit);
      return { highlights: page, total: highlights.length, leftOut };
    },

    async reviewSet({ size, seed }) {
      const states = review();
      const byId = new Map<string, { meta: ArticleMeta }>();
      const candidates: ReviewCandidate[] = [];
      for (const meta of live()) {
        const annotations = await store.annotations(meta.id).catch(() => null);
        for (const h of annotations?.highlights ?? []) {
          byId.set(h.id, { meta });
          candidates.push({
            id: h.id,
            hasNote: h.note.trim() !== '',
            createdAt: h.createdAt,
            state: states.highlights[h.id],
          });
        }
      }
      const at = now();
      // Every due highlight, ranked: its length is the count shown, its head today's set.
      const ranked = chooseReviewSet(candidates, { now: at, size: Number.MAX_SAFE_INTEGER, seed });
      const due = ranked.length;
      const chosen = ranked.slice(0, size ?? DEFAULT_SET_SIZE);
      // Only the chosen highlights' articles are resolved: a handful, however large the library.
      const resolved = new Map<string, HighlightEntry>();
      for (const articleId of new Set(chosen.map((id) => byId.get(id)?.meta.id ?? ''))) {
        const meta = live().find((a) => a.id === articleId);
        if (!meta) continue;
        for (const h of await resolvedOrOrphans(articleId)) resolved.set(h.id, entry(h, meta, states));
      }
      const cards = chosen.flatMap((id) => resolved.get(id) ?? []);
      return { cards, due, ...reviewProgress(states) };
    },

    async answerReview({ articleId, id, answer }) {
      const meta = live().find((a) => a.id === articleId);
      if (!meta) throw new HamishError('not-found', `No article with id ${articleId}.`);
      const { highlights } = await store.annotations(articleId);
      if (!highlights.some((h) => h.id === id))
        throw new HamishError('not-found', `No highlight with id ${id} in article ${articleId}.`);
      let saved: ReviewState | undefined;
      let after: ReviewFile = NO_REVIEW;
      const at = now();
      // Computed from the review state as saved when the write runs, so two answers at once both land.
      await store.updateLibrary((library) => {
        const current = library.review ?? { highlights: {}, days: [] };
        saved = nextState(current.highlights[id], answer, at);
        after = {
          highlights: { ...current.highlights, [id]: saved },
          days: withDay(current.days, dayOf(at)),
        };
        library.review = after;
      });
      if (!saved) throw new HamishError('internal', 'The review answer was not saved.');
      return { review: saved, ...reviewProgress(after) };
    },
  };
}
