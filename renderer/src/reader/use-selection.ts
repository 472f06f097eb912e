import { useEffect, useState, type RefObject } from 'react';
import { rangeToCanonical, type Displays } from './dom-offsets';

export type CanonicalSelection = { start: number; end: number; rect: DOMRect };

/** The reader's current selection as canonical offsets (null when collapsed or outside the article). */
/** Reads the document's selection now, as canonical offsets inside `article` (null if none there). */
export function readSelection(
  article: HTMLElement | null,
  starts: readonly number[],
  lengths: readonly number[],
  displays?: Displays,
): CanonicalSelection | null {
  const current = document.getSelection();
  if (!article || !current || current.isCollapsed || current.rangeCount === 0) return null;
  const range = current.getRangeAt(0);
  if (!range.intersectsNode(article)) return null;
  const span = rangeToCanonical(article, starts, lengths, range, displays);
  return span ? { ...span, rect: range.getBoundingClientRect() } : null;
}

export function useCanonicalSelection(
  articleRef: RefObject<HTMLElement | null>,
  scrollerRef: RefObject<HTMLElement | null>,
  starts: readonly number[],
  lengths: readonly number[],
  displays?: Displays,
): [CanonicalSelection | null, () => void] {
  const [selection, setSelection] = useState<CanonicalSelection | null>(null);
  useEffect(() => {
    const read = () => setSelection(readSelection(articleRef.current, starts, lengths, displays));
    const scroller = scrollerRef.current;
    document.addEventListener('selectionchange', read);
    scroller?.addEventListener('scroll', read, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', read);
      scroller?.removeEventListener('scroll', read);
    };
  }, [articleRef, scrollerRef, starts, lengths, displays]);
  // The selection collapses to where it ended, which stays the keyboard's caret (keyboard-selection.ts).
  const clear = () => {
    const current = document.getSelection();
    if (current?.focusNode) current.collapse(current.focusNode, current.focusOffset);
    else current?.removeAllRanges();
    setSelection(null);
  };
  return [selection, clear];
}
