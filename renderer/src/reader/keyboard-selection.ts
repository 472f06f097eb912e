/**
 * Selecting text with the keyboard inside the article (no caret browsing needed): Shift+arrows extend the
 * selection by character, with Ctrl (Alt on macOS) by word; Shift+Up/Down by line. The first press starts
 * at the top of the visible text. Uses Selection.modify, which Chromium implements.
 */

type Modifiable = Selection & {
  modify?: (alter: 'move' | 'extend', direction: string, granularity: string) => void;
};

function firstVisibleTextNode(article: HTMLElement, top: number): Text | null {
  for (const block of article.querySelectorAll<HTMLElement>('[data-block]')) {
    if (block.getBoundingClientRect().bottom < top) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode();
    if (node) return node as Text;
  }
  return null;
}

/**
 * Handles a keydown in the article; returns true when it extended the selection. Moves are logical (in
 * reading order), not visual: in a right-to-left article the left arrow reads on, even across an embedded
 * Latin run, so a screen-reader user hears the text in order. Ctrl/Alt+Shift+Up/Down extend by sentence.
 */
export function extendSelectionByKey(
  event: KeyboardEvent,
  article: HTMLElement,
  viewportTop: number,
  dir: 'rtl' | 'ltr' = 'rtl',
): boolean {
  if (!event.shiftKey) return false;
  const word = event.ctrlKey || event.altKey;
  const onward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  const moves: Record<string, [string, string]> = {
    [onward]: ['forward', word ? 'word' : 'character'],
    [back]: ['backward', word ? 'word' : 'character'],
    ArrowUp: ['backward', word ? 'sentence' : 'line'],
    ArrowDown: ['forward', word ? 'sentence' : 'line'],
  };
  const move = moves[event.key];
  const selection = document.getSelection() as Modifiable | null;
  if (!move || !selection?.modify) return false;
  if (selection.rangeCount === 0 || !article.contains(selection.anchorNode)) {
    const start = firstVisibleTextNode(article, viewportTop);
    if (!start) return false;
    selection.collapse(start, 0);
  }
  selection.modify('extend', move[0], move[1]);
  return true;
}
