import { useEffect, type RefObject } from 'react';
import { blockElements, canonicalToRange, rangeToCanonical, type Displays } from './dom-offsets';
import { snapToWords } from './word-snap';

/**
 * Once a mouse drag inside the article ends, widens the selection to whole words (word-snap.ts), keeping the
 * end the pointer held as the selection's focus. A drag made with Alt (Option on macOS) keeps the exact
 * characters. `text` is the article's canonical text; keyboard selections are never snapped.
 */
export function useWordSnap(
  articleRef: RefObject<HTMLElement | null>,
  text: string,
  starts: readonly number[],
  lengths: readonly number[],
  displays?: Displays,
): void {
  useEffect(() => {
    let dragging = false;
    const onDown = (event: MouseEvent) => {
      const article = articleRef.current;
      dragging =
        event.button === 0 && !event.altKey && article !== null && article.contains(event.target as Node);
    };
    const snap = () => {
      const article = articleRef.current;
      if (!article) return;
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const span = rangeToCanonical(article, starts, lengths, range, displays);
      if (!span) return;
      const snapped = snapToWords(text, span.start, span.end);
      if (snapped.start === span.start && snapped.end === span.end) return;
      const words = canonicalToRange(blockElements(article), starts, snapped.start, snapped.end, displays);
      if (!words) return;
      const forward =
        selection.anchorNode === range.startContainer && selection.anchorOffset === range.startOffset;
      if (forward)
        selection.setBaseAndExtent(
          words.startContainer,
          words.startOffset,
          words.endContainer,
          words.endOffset,
        );
      else
        selection.setBaseAndExtent(
          words.endContainer,
          words.endOffset,
          words.startContainer,
          words.startOffset,
        );
    };
    // After the browser has finished its own handling of the release, which may still move the selection.
    const onUp = (event: MouseEvent) => {
      if (dragging && !event.altKey) setTimeout(snap, 0);
      dragging = false;
    };
    document.addEventListener('mousedown', onDown, true);
    document.addEventListener('mouseup', onUp, true);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      document.removeEventListener('mouseup', onUp, true);
    };
  }, [articleRef, text, starts, lengths, displays]);
}
