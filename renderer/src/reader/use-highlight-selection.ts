import { useCallback, useState, type RefObject } from 'react';
import type { Color } from './colors';
import type { Displays } from './dom-offsets';
import { highlightToExtend } from './highlight-extension';
import type { Annotations } from './use-highlights';
import { readSelection } from './use-selection';

type Reading = {
  starts: readonly number[];
  lengths: readonly number[];
  displays: Displays | undefined;
  clearSelection: () => void;
};

/** True when two ranges cover the same passage. */
function samePassage(a: Range, b: Range): boolean {
  return (
    a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
    a.compareBoundaryPoints(Range.END_TO_END, b) === 0
  );
}

/**
 * Highlighting the selection (the toolbar, `h` and the digit keys), and the colour used last. The selection
 * is read from the document at the moment of the press: the React copy may lag a selectionchange behind.
 */
export function useHighlightSelection(
  articleRef: RefObject<HTMLElement | null>,
  annotations: Annotations,
  reading: Reading,
) {
  const { starts, lengths, displays, clearSelection } = reading;
  const [lastColor, setLastColor] = useState<Color>('yellow');
  const highlightSelection = useCallback(
    async (color: Color, anyColor = false) => {
      const selection = readSelection(articleRef.current, starts, lengths, displays);
      if (!selection) return;
      setLastColor(color);
      const selected = document.getSelection()?.getRangeAt(0).cloneRange();
      // A selection running on from a highlight grows it rather than laying a second one over it.
      const grow = highlightToExtend(
        annotations.latest(),
        selection.start,
        selection.end,
        anyColor ? null : color,
      );
      const saved = grow
        ? (await annotations.update(grow.highlight.id, { start: grow.start, end: grow.end })) === null
        : 'id' in (await annotations.create(selection.start, selection.end, color));
      // Clear the selection that was highlighted, not one the reader made while the save was under way.
      const now = document.getSelection();
      const same = selected && now?.rangeCount ? samePassage(selected, now.getRangeAt(0)) : false;
      if (saved && same) clearSelection();
    },
    [articleRef, starts, lengths, displays, annotations, clearSelection],
  );
  return { lastColor, highlightSelection };
}
