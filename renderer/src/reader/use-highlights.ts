import { useCallback, useState } from 'react';
import type { ApiError, ResolvedHighlight } from '../../../main/api/contract';
import { compareReadingOrder, type Color, type Highlight } from '../../../main/annotations/model';
import { call } from '../api';

export type HighlightPatch = { color?: Color; note?: string; tags?: string[] };

/** What undo reverses: the last creation, change or deletion. */
type UndoStep =
  | { kind: 'create'; id: string }
  | { kind: 'update'; id: string; previous: Required<HighlightPatch> }
  | { kind: 'delete'; highlight: Highlight };

const UNDO_DEPTH = 50;

function inReadingOrder(list: ResolvedHighlight[]): ResolvedHighlight[] {
  return [...list].sort(compareReadingOrder);
}

/**
 * An article's highlights as the reader edits them. Every change is shown only after main confirmed the
 * durable write; on failure the error is returned and kept for display, and nothing in the list changes
 * (so an editor can keep the unsaved text and offer to retry).
 */
export function useHighlights(articleId: string, initial: ResolvedHighlight[]) {
  const [highlights, setHighlights] = useState(() => inReadingOrder(initial));
  const [undoSteps, setUndoSteps] = useState<UndoStep[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  const push = useCallback(
    (step: UndoStep) => setUndoSteps((steps) => [...steps.slice(-(UNDO_DEPTH - 1)), step]),
    [],
  );
  const replace = useCallback(
    (next: ResolvedHighlight) =>
      setHighlights((list) => inReadingOrder([...list.filter((h) => h.id !== next.id), next])),
    [],
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
      push({ kind: 'create', id: result.value.id });
      setError(null);
      return result.value;
    },
    [articleId, fail, replace, push],
  );

  const update = useCallback(
    async (
      current: ResolvedHighlight,
      patch: HighlightPatch,
      recordUndo = true,
    ): Promise<ApiError | null> => {
      const result = await call('updateHighlight', { articleId, id: current.id, ...patch });
      if (!result.ok) return fail(result.error);
      replace(result.value);
      if (recordUndo) {
        push({
          kind: 'update',
          id: current.id,
          previous: { color: current.color, note: current.note, tags: current.tags },
        });
      }
      setError(null);
      return null;
    },
    [articleId, fail, replace, push],
  );

  const remove = useCallback(
    async (id: string, recordUndo = true): Promise<ApiError | null> => {
      const result = await call('deleteHighlight', { articleId, id });
      if (!result.ok) return fail(result.error);
      setHighlights((list) => list.filter((h) => h.id !== id));
      if (recordUndo) push({ kind: 'delete', highlight: result.value });
      setError(null);
      return null;
    },
    [articleId, fail, push],
  );

  /** Reverses the last step; returns false when there is nothing to undo or it failed. */
  const undo = useCallback(async (): Promise<boolean> => {
    const step = undoSteps.at(-1);
    if (!step) return false;
    let failure: ApiError | null = null;
    if (step.kind === 'create') failure = await remove(step.id, false);
    else if (step.kind === 'delete') {
      const result = await call('restoreHighlight', { highlight: step.highlight });
      if (result.ok) replace(result.value);
      else failure = fail(result.error);
    } else {
      const current = highlights.find((h) => h.id === step.id);
      failure = current ? await update(current, step.previous, false) : null;
    }
    if (failure) return false;
    setUndoSteps((steps) => steps.slice(0, -1));
    return true;
  }, [undoSteps, highlights, remove, update, replace, fail]);

  return {
    highlights,
    error,
    clearError: () => setError(null),
    create,
    update,
    remove,
    undo,
    canUndo: undoSteps.length > 0,
  };
}
