import type { ResolvedHighlight } from '../../../shared/contract';
import { colourOfKey } from '../shortcuts/shortcut-list';
import { bindShortcuts, useShortcutKeys } from '../shortcuts/use-shortcut-keys';
import type { Color } from './colors';
import type { Direction } from '../../../shared/article-model';
import { moveCaretByKey } from './keyboard-selection';

type ReaderActions = {
  /** Whether text is selected in the article now (read from the document at the press). */
  hasSelection: () => boolean;
  highlightSelection: (color: Color, anyColor?: boolean) => void;
  lastColor: Color;
  /** The highlight whose popover is open, which the digit keys recolour. */
  active: ResolvedHighlight | null;
  recolour: (id: string, color: Color) => void;
  /** Null when the article has no vowel marks to hide. */
  toggleMarks: (() => void) | null;
  openFind: () => void;
  /** Esc: closes the popover and clears the selection. */
  dismiss: () => void;
};

/**
 * The reader's shortcuts (listed in shortcuts/shortcut-list.ts with the rest): find, vowel marks, highlighting
 * the selection and recolouring the open highlight. A key that does not apply now (`h` with nothing selected)
 * is left to the browser.
 */
export function useReaderKeys(actions: ReaderActions): void {
  const { hasSelection, highlightSelection, lastColor, active, recolour, toggleMarks } = actions;
  useShortcutKeys({
    find: () => actions.openFind(),
    escape: () => actions.dismiss(),
    marks: () => (toggleMarks ? toggleMarks() : false),
    highlight: () => (hasSelection() ? highlightSelection(lastColor, true) : false),
    colour: (event) => {
      const color = colourOfKey(event);
      if (!color) return false;
      if (hasSelection()) highlightSelection(color);
      else if (active) recolour(active.id, color);
      else return false;
    },
  });
}

/**
 * A key pressed in the article: the caret browsing keys (keyboard-selection.ts) move the caret through it,
 * so they are bound on the article element rather than the document.
 */
export function handleCaretKey(
  event: KeyboardEvent,
  article: HTMLElement | null,
  scroller: HTMLElement | null,
  dir: Direction,
): void {
  const move = () => (article ? moveCaretByKey(event, article, scroller, dir) : false);
  bindShortcuts(event, { caret: move, lineEnds: move, extend: move });
}
