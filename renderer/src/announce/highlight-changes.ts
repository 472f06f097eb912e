import type { Color } from '../../../shared/annotation-model';

type Announced = { id: string; color: Color; note: string; start?: number; end?: number };

export type HighlightChange =
  | { kind: 'added'; color: Color; hasNote: boolean }
  | { kind: 'removed'; color: Color }
  | { kind: 'recoloured'; color: Color }
  | { kind: 'extended'; color: Color };

/**
 * What changed between two lists of an article's highlights, to be announced (creation, deletion, colour,
 * a passage extended).
 */
export function highlightChanges(
  before: readonly Announced[],
  after: readonly Announced[],
): HighlightChange[] {
  const old = new Map(before.map((h) => [h.id, h]));
  const now = new Set(after.map((h) => h.id));
  const changes: HighlightChange[] = [];
  for (const highlight of after) {
    const previous = old.get(highlight.id);
    if (!previous) changes.push({ kind: 'added', color: highlight.color, hasNote: highlight.note !== '' });
    else if (previous.color !== highlight.color) changes.push({ kind: 'recoloured', color: highlight.color });
    else if (previous.start !== highlight.start || previous.end !== highlight.end)
      changes.push({ kind: 'extended', color: highlight.color });
  }
  for (const highlight of before)
    if (!now.has(highlight.id)) changes.push({ kind: 'removed', color: highlight.color });
  return changes;
}
