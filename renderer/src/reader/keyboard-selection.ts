/**
 * Caret browsing in the article (docs/ARCHITECTURE.md, "Data flow: highlight a passage"): the document's
 * selection, collapsed, is a caret the reader moves through the text with the keyboard, drawn by
 * use-reading-caret.ts. Arrows move it by character (with Ctrl, or Alt on macOS, by word), Up/Down by line
 * (with Ctrl/Alt by sentence), Home/End to the line's ends; with Shift they select from it. Moves are
 * logical, in reading order: in a right-to-left article the left arrow reads on, even across an embedded
 * Latin run, so a screen-reader user hears the text in order. Uses Selection.modify, which Chromium has.
 */

type Modifiable = Selection & {
  modify?: (alter: 'move' | 'extend', direction: string, granularity: string) => void;
};

/** The top of the box of the character at `offset` in `node`, or null if it has none (collapsed space). */
function characterTop(node: Text, offset: number): number | null {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  return range.getClientRects()[0]?.top ?? null;
}

/**
 * The first character in `block` whose box starts at or below `top`: lines run down the page in reading
 * order, so the characters above it are all in earlier text nodes or earlier in the same one.
 */
function firstCharacterBelow(block: HTMLElement, top: number): { node: Node; offset: number } | null {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node instanceof Text)) continue;
    let last = node.length - 1;
    let lastTop: number | null = null;
    while (last >= 0 && (lastTop = characterTop(node, last)) === null) last--;
    if (lastTop === null || lastTop < top) continue;
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((characterTop(node, middle) ?? -Infinity) >= top) high = middle;
      else low = middle + 1;
    }
    return { node, offset: low };
  }
  return null;
}

/** The first text position on the first line wholly inside the scroller's view (mid-paragraph if need be). */
export function firstVisiblePosition(
  article: HTMLElement,
  scroller: HTMLElement | null,
): { node: Node; offset: number } | null {
  const top = scroller ? scroller.getBoundingClientRect().top : 0;
  for (const block of article.querySelectorAll<HTMLElement>('[data-block]')) {
    const box = block.getBoundingClientRect();
    if (box.bottom <= top) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    if (!first) continue;
    if (box.top >= top) return { node: first, offset: 0 };
    // The block starts above the view: its first line whose text is wholly in view (the caret is drawn
    // only there), mid-paragraph if need be; if the view's top cuts its last line, the next block's start.
    const start = firstCharacterBelow(block, top - 1);
    if (start) return start;
  }
  return null;
}

function caretRect(selection: Selection): DOMRect | null {
  if (!selection.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return rect.height > 0 ? rect : null;
}

/** Scrolls the scroller just enough to show the caret, with a line of room. */
function keepInView(selection: Selection, scroller: HTMLElement | null): void {
  const rect = caretRect(selection);
  if (!rect || !scroller) return;
  const box = scroller.getBoundingClientRect();
  if (rect.top < box.top + rect.height) scroller.scrollTop += rect.top - box.top - rect.height * 2;
  else if (rect.bottom > box.bottom - rect.height)
    scroller.scrollTop += rect.bottom - box.bottom + rect.height * 2;
}

/**
 * Handles a keydown in the article; returns true when it moved the caret or the selection. With no caret in
 * the article yet, the first press puts it at the start of the first line in view, then moves it.
 */
export function moveCaretByKey(
  event: KeyboardEvent,
  article: HTMLElement,
  scroller: HTMLElement | null,
  dir: 'rtl' | 'ltr' = 'rtl',
): boolean {
  if (event.metaKey && !event.altKey) return false;
  const word = event.ctrlKey || event.altKey;
  const onward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  const moves: Record<string, [string, string]> = {
    [onward]: ['forward', word ? 'word' : 'character'],
    [back]: ['backward', word ? 'word' : 'character'],
    ArrowUp: ['backward', word ? 'sentence' : 'line'],
    ArrowDown: ['forward', word ? 'sentence' : 'line'],
    Home: ['backward', 'lineboundary'],
    End: ['forward', 'lineboundary'],
  };
  const move = moves[event.key];
  const selection = document.getSelection() as Modifiable | null;
  if (!move || !selection?.modify) return false;
  if (selection.rangeCount === 0 || !article.contains(selection.focusNode)) {
    const start = firstVisiblePosition(article, scroller);
    if (!start) return false;
    selection.collapse(start.node, start.offset);
  }
  const before = { node: selection.focusNode, offset: selection.focusOffset, anchor: selection.anchorNode };
  const anchorOffset = selection.anchorOffset;
  selection.modify(event.shiftKey ? 'extend' : 'move', move[0], move[1]);
  // The caret never leaves the article (into the notes panel or the page around it).
  if (!article.contains(selection.focusNode) && before.node && before.anchor) {
    if (event.shiftKey) selection.setBaseAndExtent(before.anchor, anchorOffset, before.node, before.offset);
    else selection.collapse(before.node, before.offset);
  }
  keepInView(selection, scroller);
  return true;
}
