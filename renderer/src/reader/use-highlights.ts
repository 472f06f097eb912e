import { useCallback, useRef, useState } from 'react';
import type { ApiError, ResolvedHighlight } from '../../../shared/contract';
import { compareReadingOrder, type Color } from '../../../shared/annotation-model';
import { highlightChanges, type HighlightChange } from '../announce/highlight-changes';
import { call } from '../api';
import {
  changeOf,
  EMPTY_HISTORY,
  nextRedo,
  nextUndo,
  record,
  redone,
  undone,
  type ArticlePatch,
  type ChangeKind,
  type EditHistory,
  type EditStep,
  type HighlightPatch,
} from './edit-history';

export type { ArticlePatch, HighlightPatch } from './edit-history';

/** The article's own note and tags. */
export type ArticleNotes = { note: string; tags: string[] };

/**
 * What an undo or redo did, for its announcement: the change replayed and what it did to the list (a
 * highlight back or gone, a colour). A failure is also kept in `error`, and shown.
 */
export type Replayed = { change: ChangeKind; effects: HighlightChange[] } | 'nothing' | 'failed';

function inReadingOrder(list: ResolvedHighlight[]): ResolvedHighlight[] {
  return [...list].sort(compareReadingOrder);
}

/** The fields of `highlight` that `patch` names, as they are now: what reverses the patch. */
function fieldsOf(highlight: ResolvedHighlight, patch: HighlightPatch): HighlightPatch {
  const before: HighlightPatch = {};
  if (patch.color !== undefined) before.color = highlight.color;
  if (patch.note !== undefined) before.note = highlight.note;
  if (patch.tags !== undefined) before.tags = highlight.tags;
  if (patch.start !== undefined) {
    before.start = highlight.start;
    before.end = highlight.end;
  }
  return before;
}

/** The article's fields that `patch` names, as they are now. */
function articleFieldsOf(article: ArticleNotes, patch: ArticlePatch): ArticlePatch {
  const before: ArticlePatch = {};
  if (patch.note !== undefined) before.note = article.note;
  if (patch.tags !== undefined) before.tags = article.tags;
  return before;
}

export type UpdateOptions = {
  /** false for a change that is itself an undo or redo. */
  record?: boolean;
  /** Saves of one note while it is being written share a session, and undo as one step. */
  session?: string;
};

/** What useHighlights gives: the article's highlights and note, their edits, undo and redo. */
export type Annotations = ReturnType<typeof useHighlights>;

/**
 * An article's highlights and its own note and tags as the reader edits them, with undo and redo. Every change
 * is shown only after main confirmed the durable write; on failure the error is returned (and, for highlights,
 * kept for display), and nothing changes (so an editor can keep the unsaved text and offer to retry). Undo and
 * redo run one at a time. `articleRevision` counts the article notes undo or redo replaced, so that an editor
 * showing them can start again from the stored text.
 */
export function useHighlights(
  articleId: string,
  initial: ResolvedHighlight[],
  initialArticle: ArticleNotes = { note: '', tags: [] },
) {
  const [highlights, setHighlights] = useState(() => inReadingOrder(initial));
  const [article, setArticle] = useState(initialArticle);
  const [articleRevision, setArticleRevision] = useState(0);
  const articleRef = useRef(article);
  const [history, setHistory] = useState<EditHistory>(EMPTY_HISTORY);
  const [error, setError] = useState<ApiError | null>(null);
  // Read by undo/redo at the moment they run: two quick presses must not reverse the same step twice.
  const historyRef = useRef(history);
  const current = useRef(highlights);
  const replaying = useRef(false);
  // The list an undo or redo produced: announced with it, so the list's own announcement skips it.
  const replayedList = useRef<readonly ResolvedHighlight[] | null>(null);

  const changeHistory = useCallback((change: (history: EditHistory) => EditHistory) => {
    historyRef.current = change(historyRef.current);
    setHistory(historyRef.current);
  }, []);
  const changeList = useCallback((change: (list: ResolvedHighlight[]) => ResolvedHighlight[]) => {
    current.current = change(current.current);
    setHighlights(current.current);
  }, []);
  const replace = useCallback(
    (next: ResolvedHighlight) =>
      changeList((list) => inReadingOrder([...list.filter((h) => h.id !== next.id), next])),
    [changeList],
  );
  const fail = useCallback((failure: ApiError): ApiError => {
    setError(failure);
    return failure;
  }, []);

  const create = useCallback(
    async (start: number, end: number, color: Color): Promise<ResolvedHighlight | ApiError> => {
      const result = await call('createHighlight', { articleId, start, end, color });
      if (!result.ok) return fail(result.error);
      replace(result.value);
      changeHistory((h) => record(h, { kind: 'created', id: result.value.id, change: 'create' }));
      setError(null);
      return result.value;
    },
    [articleId, fail, replace, changeHistory],
  );

  const update = useCallback(
    async (id: string, patch: HighlightPatch, options: UpdateOptions = {}): Promise<ApiError | null> => {
      const before = current.current.find((h) => h.id === id);
      const result = await call('updateHighlight', { articleId, id, ...patch });
      // A note being written shows its failure beside its editor (or, once that is closed, in the notice
      // that keeps its text): a second alert at the top of the reader would only repeat it.
      if (!result.ok) return options.session ? result.error : fail(result.error);
      replace(result.value);
      if (options.record !== false && before) {
        const previous = fieldsOf(before, patch);
        const step: EditStep = { kind: 'updated', id, previous, change: changeOf(patch) };
        changeHistory((h) => record(h, options.session ? { ...step, session: options.session } : step));
      }
      setError(null);
      return null;
    },
    [articleId, fail, replace, changeHistory],
  );

  const remove = useCallback(
    async (id: string): Promise<ApiError | null> => {
      const result = await call('deleteHighlight', { articleId, id });
      if (!result.ok) return fail(result.error);
      changeList((list) => list.filter((h) => h.id !== id));
      changeHistory((h) => record(h, { kind: 'deleted', highlight: result.value, change: 'delete' }));
      setError(null);
      return null;
    },
    [articleId, fail, changeList, changeHistory],
  );

  const changeArticle = useCallback((next: ArticleNotes) => {
    articleRef.current = next;
    setArticle(next);
  }, []);

  const updateArticle = useCallback(
    async (patch: ArticlePatch, options: UpdateOptions = {}): Promise<ApiError | null> => {
      const before = articleRef.current;
      const result = await call('setArticleNote', { id: articleId, ...patch });
      if (!result.ok) return result.error;
      changeArticle(result.value);
      if (options.record !== false) {
        const step: EditStep = {
          kind: 'article',
          previous: articleFieldsOf(before, patch),
          change: changeOf(patch),
        };
        changeHistory((h) => record(h, options.session ? { ...step, session: options.session } : step));
      }
      return null;
    },
    [articleId, changeArticle, changeHistory],
  );

  /** Carries out the reverse of `step`; resolves to the step that reverses it back, or the error. */
  const reverse = useCallback(
    async (step: EditStep): Promise<EditStep | ApiError> => {
      const { change } = step;
      if (step.kind === 'created') {
        const result = await call('deleteHighlight', { articleId, id: step.id });
        if (!result.ok) return result.error;
        changeList((list) => list.filter((h) => h.id !== step.id));
        return { kind: 'deleted', highlight: result.value, change };
      }
      if (step.kind === 'deleted') {
        const result = await call('restoreHighlight', { highlight: step.highlight });
        if (!result.ok) return result.error;
        replace(result.value);
        return { kind: 'created', id: result.value.id, change };
      }
      if (step.kind === 'article') {
        const before = articleRef.current;
        const result = await call('setArticleNote', { id: articleId, ...step.previous });
        if (!result.ok) return result.error;
        changeArticle(result.value);
        setArticleRevision((n) => n + 1);
        return { kind: 'article', previous: articleFieldsOf(before, step.previous), change };
      }
      const now = current.current.find((h) => h.id === step.id);
      if (!now) return { code: 'not-found', message: step.id };
      const result = await call('updateHighlight', { articleId, id: step.id, ...step.previous });
      if (!result.ok) return result.error;
      replace(result.value);
      return { kind: 'updated', id: step.id, previous: fieldsOf(now, step.previous), change };
    },
    [articleId, changeList, replace, changeArticle],
  );

  const replay = useCallback(
    async (direction: 'undo' | 'redo'): Promise<Replayed> => {
      // A press while the previous undo is still being saved waits for nothing: it is simply not taken.
      if (replaying.current) return 'failed';
      const step = (direction === 'undo' ? nextUndo : nextRedo)(historyRef.current);
      if (!step) return 'nothing';
      replaying.current = true;
      const before = current.current;
      try {
        const reversal = await reverse(step);
        if ('code' in reversal) {
          fail(reversal);
          return 'failed';
        }
        replayedList.current = current.current;
        changeHistory((h) => (direction === 'undo' ? undone : redone)(h, reversal));
        setError(null);
        return { change: step.change, effects: highlightChanges(before, current.current) };
      } finally {
        replaying.current = false;
      }
    },
    [reverse, changeHistory, fail],
  );

  return {
    highlights,
    /** The list as of the last save acknowledged, even before React has drawn it (for a quick key press). */
    latest: useCallback(() => current.current, []),
    article,
    articleRevision,
    error,
    clearError: useCallback(() => setError(null), []),
    create,
    update,
    remove,
    updateArticle,
    /** Reverses the last change. */
    undo: useCallback(() => replay('undo'), [replay]),
    /** Replays the last change undone. */
    redo: useCallback(() => replay('redo'), [replay]),
    announcedElsewhere: useCallback(
      (list: readonly ResolvedHighlight[]) => list === replayedList.current,
      [],
    ),
    canUndo: history.undo.length > 0,
    canRedo: history.redo.length > 0,
  };
}
