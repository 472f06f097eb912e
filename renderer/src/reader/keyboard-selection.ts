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

/** Handles a keydown in the article; returns true when it extended the selection. */
export function extendSelectionByKey(
  event: KeyboardEvent,
  article: HTMLElement,
  viewportTop: number,
): boolean {
  if (!event.shiftKey) return false;
  const word = event.ctrlKey || event.altKey;
  const moves: Record<string, [string, string]> = {
    ArrowLeft: ['left', word ? 'word' : 'character'],
    ArrowRight: ['right', word ? 'word' : 'character'],
    ArrowUp: ['backward', 'line'],
    ArrowDown: ['forward', 'line'],
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
