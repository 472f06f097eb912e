import { useEffect, useRef, useState, type ReactNode } from 'react';
import { visibleRange } from './windowing';

type Props<T> = {
  items: readonly T[];
  /** Every row is this tall (CSS pixels): the list's height is known without measuring 10,000 rows. */
  rowHeight: number;
  /** The item's stable key. */
  keyOf: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
};

// Before the viewport is measured (and in test DOMs without layout), assume a tall window.
const FALLBACK_HEIGHT = 900;

/**
 * A list that only puts on the page the rows in view (and a few around them), so scrolling 10,000
 * highlights costs what scrolling twenty does. Rows are absolutely placed inside a block as tall as the
 * whole list, so the scroll bar is true; each row says its place in the whole list to assistive technology.
 */
export function WindowedList<T>({ items, rowHeight, keyOf, renderRow, label }: Props<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { first, last } = visibleRange(scrollTop, height, rowHeight, items.length);
  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    const item = items[index] as T;
    rows.push(
      <div
        key={keyOf(item)}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={index + 1}
        className="windowed-row"
        style={{ insetBlockStart: index * rowHeight, blockSize: rowHeight }}
      >
        {renderRow(item, index)}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className="windowed-viewport"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div
        role="list"
        aria-label={label}
        className="windowed-space"
        style={{ blockSize: items.length * rowHeight }}
      >
        {rows}
      </div>
    </div>
  );
}
