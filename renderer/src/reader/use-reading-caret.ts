import { useEffect, type RefObject } from 'react';
import { firstVisiblePosition } from './keyboard-selection';

/** The caret's box on screen: the focus end of the selection, or null when it has no box. */
function caretBox(selection: Selection): DOMRect | null {
  if (!selection.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return rect.height > 0 ? rect : null;
}

/**
 * Draws the keyboard's caret in the article (keyboard-selection.ts moves it): a text cursor at the focus end
 * of the selection, shown while the article has focus and the reader is using the keyboard (a reader who
 * reads with the mouse never sees it). Text that cannot be edited has no caret of its own in the browser,
 * so it is drawn here. Tabbing into the article puts the caret at the start of the first line in view.
 */
export function useReadingCaret(
  articleRef: RefObject<HTMLElement | null>,
  scrollerRef: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const caret = document.createElement('div');
    caret.className = 'reading-caret';
    caret.setAttribute('aria-hidden', 'true');
    caret.hidden = true;
    document.body.append(caret);
    let keyboard = false;
    let frame = 0;

    const draw = () => {
      frame = 0;
      const article = articleRef.current;
      const selection = document.getSelection();
      const focused = article?.contains(document.activeElement) ?? false;
      const box = focused && keyboard && selection ? caretBox(selection) : null;
      const view = scrollerRef.current?.getBoundingClientRect();
      const shown =
        box !== null &&
        article?.contains(selection?.focusNode ?? null) === true &&
        (!view || (box.top >= view.top - 1 && box.bottom <= view.bottom + 1));
      caret.hidden = !shown;
      if (!shown || !box) return;
      Object.assign(caret.style, {
        left: `${Math.round(box.left) - 1}px`,
        top: `${Math.round(box.top)}px`,
        height: `${Math.round(box.height)}px`,
      });
      // Restart the blink on every move, so the caret is seen where it lands.
      caret.style.animation = 'none';
      void caret.offsetWidth;
      caret.style.animation = '';
    };
    const redraw = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === 'Tab' ||
        event.key.startsWith('Arrow') ||
        event.key === 'Home' ||
        event.key === 'End'
      ) {
        keyboard = true;
        redraw();
      }
    };
    const onPointer = () => {
      keyboard = false;
      redraw();
    };
    const onFocusIn = (event: FocusEvent) => {
      const article = articleRef.current;
      const selection = document.getSelection();
      if (
        keyboard &&
        article &&
        selection &&
        event.target === article &&
        !article.contains(selection.focusNode)
      ) {
        const start = firstVisiblePosition(article, scrollerRef.current);
        if (start) selection.collapse(start.node, start.offset);
      }
      redraw();
    };
    const scroller = scrollerRef.current;
    document.addEventListener('selectionchange', redraw);
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('mousedown', onPointer, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', redraw);
    window.addEventListener('resize', redraw);
    scroller?.addEventListener('scroll', redraw, { passive: true });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', redraw);
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('mousedown', onPointer, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', redraw);
      window.removeEventListener('resize', redraw);
      scroller?.removeEventListener('scroll', redraw);
      caret.remove();
    };
  }, [articleRef, scrollerRef]);
}
