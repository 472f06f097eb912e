import { useLayoutEffect, useState, type RefObject } from 'react';
import { measureMarginRoom } from './margin-room';

/**
 * The side of the margin when the reader's scroller has room for it beside a readable column, else null.
 * While it has, the scroller is marked with the margin's side (`data-margin`) and margin-notes.css moves
 * the column over to make the room; without it the margin notes fold away.
 */
export function useMarginRoom(
  scrollerRef: RefObject<HTMLElement | null>,
  articleRef: RefObject<HTMLElement | null>,
  side: 'left' | 'right',
): 'left' | 'right' | null {
  const [room, setRoom] = useState(false);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const article = articleRef.current;
    if (!scroller || !article) return;
    const measure = () => setRoom(measureMarginRoom(scroller, article));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    observer.observe(article);
    return () => observer.disconnect();
  }, [scrollerRef, articleRef]);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    if (room) scroller.dataset.margin = side;
    else delete scroller.dataset.margin;
    return () => {
      delete scroller.dataset.margin;
    };
  }, [room, side, scrollerRef]);
  return room ? side : null;
}
