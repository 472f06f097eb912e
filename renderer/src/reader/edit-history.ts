import type { Color, Highlight } from '../../../shared/annotation-model';

/** Fields of a highlight to change; `start` and `end` (together) give it a new passage. */
export type HighlightPatch = { color?: Color; note?: string; tags?: string[]; start?: number; end?: number };

/** A change to the article's own note and tags. */
export type ArticlePatch = { note?: string; tags?: string[] };

/** What the reader did, in words an announcement can use; kept when a step is undone and redone. */
export type ChangeKind = 'create' | 'delete' | 'color' | 'note' | 'tags' | 'extend';

/**
 * One change to an article's highlights or its own note, as it can be reversed: a highlight that now exists
 * (`created`, to be deleted), one that no longer does (`deleted`, to be restored whole), fields of one that
 * changed (`updated`, `previous` holding their values before), or the article's note or tags (`article`).
 * Reversing a step gives the step that reverses it back, which is what redo replays.
 */
export type EditStep = { change: ChangeKind } & (
  | { kind: 'created'; id: string }
  | { kind: 'deleted'; highlight: Highlight }
  | { kind: 'updated'; id: string; previous: HighlightPatch; session?: string }
  | { kind: 'article'; previous: ArticlePatch; session?: string }
);

/** Steps that undo can reverse (newest last) and steps that redo can replay (newest last). */
export type EditHistory = { undo: EditStep[]; redo: EditStep[] };

export const EMPTY_HISTORY: EditHistory = { undo: [], redo: [] };

const DEPTH = 50;

/** What a patch changes, for the announcement: the passage, else the colour, else the note, else the tags. */
export function changeOf(patch: HighlightPatch): ChangeKind {
  if (patch.start !== undefined) return 'extend';
  if (patch.color !== undefined) return 'color';
  if (patch.note !== undefined) return 'note';
  return 'tags';
}

/**
 * A new change made by the reader: it can be undone, and what was undone before can no longer be redone.
 * Saves of one note while it is being written (same `session`) are one step, reversed to the note as it was
 * when the writing began, not to whatever was saved at the last pause in typing.
 */
export function record(history: EditHistory, step: EditStep): EditHistory {
  const last = history.undo.at(-1);
  const sameWriting =
    step.kind !== 'created' &&
    step.kind !== 'deleted' &&
    step.session !== undefined &&
    last?.kind === step.kind &&
    last.session === step.session &&
    (step.kind === 'article' || (last.kind === 'updated' && last.id === step.id));
  if (sameWriting) return { undo: history.undo, redo: [] };
  return { undo: [...history.undo.slice(-(DEPTH - 1)), step], redo: [] };
}

/** The step undo would reverse now, or null. */
export function nextUndo(history: EditHistory): EditStep | null {
  return history.undo.at(-1) ?? null;
}

/** The step redo would replay now, or null. */
export function nextRedo(history: EditHistory): EditStep | null {
  return history.redo.at(-1) ?? null;
}

/** After the last step was undone: `reversal` (what reversed it) goes on the redo side. */
export function undone(history: EditHistory, reversal: EditStep): EditHistory {
  return { undo: history.undo.slice(0, -1), redo: [...history.redo, reversal] };
}

/** After the last undone step was redone: `reversal` goes back on the undo side. */
export function redone(history: EditHistory, reversal: EditStep): EditHistory {
  return { undo: [...history.undo.slice(-(DEPTH - 1)), reversal], redo: history.redo.slice(0, -1) };
}
