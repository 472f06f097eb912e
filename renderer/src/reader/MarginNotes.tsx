import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ApiError, ResolvedHighlight } from '../../../shared/contract';
import { useT } from '../i18n/I18nProvider';
import { blockElements, canonicalToRange, type Displays } from './dom-offsets';
import { blocksInWindow, stackNotes } from './margin-layout';
import { MarginNote } from './MarginNote';

type Props = {
  scrollerRef: RefObject<HTMLElement | null>;
  articleRef: RefObject<HTMLElement | null>;
  highlights: readonly ResolvedHighlight[];
  starts: readonly number[];
  displays: Displays | undefined;
  /** The side of the column the margin is on, or null when the window leaves no room for it. */
  side: 'left' | 'right' | null;
  /** The highlight open in the reader (its note is raised). */
  activeId: string | null;
  /** Changes when more blocks are rendered or their text is shown differently: positions move. */
  layoutKey: unknown;
  onSave: (id: string, note: string, session: string) => Promise<ApiError | null>;
  /** A note's editor opened: the reader closes its popover, so one note has one editor. */
  onEditStart: () => void;
};

// Room between notes, and between the column and the margin.
const GAP_PX = 10;
// Notes are placed for the passages within this many screens above and below the one shown: enough that
// a note never appears or moves while in sight, few enough that a thousand highlights cost nothing.
const SCREENS_AROUND = 1;

/**
 * A named user timing: the cost of margin notes shows in a profile, and the e2e reads it with a
 * PerformanceObserver. Cleared at once, so a long reading session keeps no growing list of them.
 */
function timed(name: string, start: number): void {
  performance.measure(name, { start });
  performance.clearMeasures(name);
}

type Placed = { highlight: ResolvedHighlight; anchor: number };

function sameAnchors(a: readonly Placed[], b: readonly Placed[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.highlight === b[i]?.highlight && Math.abs(p.anchor - (b[i]?.anchor ?? 0)) < 0.5)
  );
}

/**
 * Each highlight's note in the margin beside its passage, like a printed book's marginalia: at the side
 * the column's text ends (the left in Arabic), aligned to its passage, stacked without overlap
 * (margin-layout.ts), the active one raised. Only the notes near the screen are rendered and measured
 * (see docs/ARCHITECTURE.md, "Margin notes and the reader's layout"). Without room beside the column
 * it shows nothing, and the notes panel is the way to the notes.
 */
export function MarginNotes(props: Props) {
  const { scrollerRef, articleRef, highlights, starts, displays, side, activeId, layoutKey } = props;
  const t = useT();
  const room = side !== null;
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const layerRef = useRef<HTMLOListElement>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const blockCache = useRef<{ key: unknown; article: HTMLElement; blocks: Map<number, HTMLElement> } | null>(
    null,
  );

  // Reading order; the note being edited stays even while its text is empty.
  const noted = useMemo(
    () =>
      highlights
        .filter((h) => h.status !== 'orphan' && (h.note.trim() !== '' || h.id === editingId))
        .sort((a, b) => a.start - b.start || a.end - b.end),
    [highlights, editingId],
  );

  // Which notes are near the screen, and the top of each one's passage in the scroller's content.
  const findPlaced = useCallback(() => {
    const scroller = scrollerRef.current;
    const article = articleRef.current;
    if (!room || !scroller || !article || noted.length === 0) return setPlaced([]);
    const started = performance.now();
    const box = scroller.getBoundingClientRect();
    const toContent = (y: number) => y - box.top + scroller.scrollTop;
    // The block elements change only when more are rendered (layoutKey): not looked up on every scroll.
    const cached = blockCache.current;
    const blocks =
      cached && cached.key === layoutKey && cached.article === article
        ? cached.blocks
        : (blockCache.current = { key: layoutKey, article, blocks: blockElements(article) }).blocks;
    const from = scroller.scrollTop - SCREENS_AROUND * box.height;
    const to = scroller.scrollTop + (1 + SCREENS_AROUND) * box.height;
    const span = blocksInWindow(
      blocks.size,
      (i) => {
        const element = blocks.get(i);
        return element ? toContent(element.getBoundingClientRect().top) : Infinity;
      },
      from,
      to,
    );
    const next: Placed[] = [];
    if (span) {
      const first = starts[span[0]] ?? 0;
      const end = starts[span[1] + 1] ?? Infinity;
      for (const highlight of noted) {
        if (highlight.start < first || highlight.start >= end) continue;
        const range = canonicalToRange(blocks, starts, highlight.start, highlight.end, displays);
        const line = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
        if (line) next.push({ highlight, anchor: toContent(line.top) });
      }
    }
    setPlaced((now) => (sameAnchors(now, next) ? now : next));
    timed('hamish:margin-find', started);
  }, [room, scrollerRef, articleRef, noted, starts, displays, layoutKey]);

  // Stacks the notes shown, from their measured heights; positions are written straight to the elements.
  const stack = useCallback(() => {
    const scroller = scrollerRef.current;
    const article = articleRef.current;
    const layer = layerRef.current;
    if (!scroller || !article || !layer) return;
    const started = performance.now();
    const items = placed.flatMap(({ highlight, anchor }) => {
      const element = elements.current.get(highlight.id);
      return element ? [{ id: highlight.id, anchor, height: element.offsetHeight }] : [];
    });
    const raised = editingId ?? activeId;
    for (const { id, top } of stackNotes(items, GAP_PX, raised)) {
      const element = elements.current.get(id);
      if (!element) continue;
      element.style.insetBlockStart = `${top}px`;
      // A long note is shown cut short (faded) until it is raised.
      element.toggleAttribute('data-clipped', element.scrollHeight > element.clientHeight + 1);
    }
    const box = scroller.getBoundingClientRect();
    const column = article.getBoundingClientRect();
    const width = layer.offsetWidth;
    const left =
      side === 'left' ? column.left - box.left - GAP_PX * 2 - width : column.right - box.left + GAP_PX * 2;
    layer.style.left = `${left + scroller.scrollLeft}px`;
    timed('hamish:margin-stack', started);
  }, [placed, editingId, activeId, side, scrollerRef, articleRef]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    const article = articleRef.current;
    if (!room || !scroller || !article) {
      setPlaced([]);
      return;
    }
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          findPlaced();
        });
    };
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    // Text reflows (a window resized, the type size changed, blocks laid out on arrival): passages move.
    const observer = new ResizeObserver(schedule);
    observer.observe(article);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      observer.disconnect();
    };
  }, [room, findPlaced, scrollerRef, articleRef, layoutKey]);

  const stackRef = useRef(stack);
  useLayoutEffect(() => {
    stackRef.current = stack;
    stack();
  }, [stack]);
  // A note that changes height (its editor grows, its text changed) moves the ones below it.
  const heights = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const observer = new ResizeObserver(() => stackRef.current());
    for (const element of elements.current.values()) observer.observe(element);
    heights.current = observer;
    return () => observer.disconnect();
  }, []);
  const elementRef = useCallback(
    (id: string) => (element: HTMLElement | null) => {
      if (element) {
        elements.current.set(id, element);
        heights.current?.observe(element);
      } else {
        const gone = elements.current.get(id);
        if (gone) heights.current?.unobserve(gone);
        elements.current.delete(id);
      }
    },
    [],
  );

  if (!room) return null;
  return (
    <ol ref={layerRef} className="margin-notes" aria-label={t('margin.title')}>
      {placed.map(({ highlight }) => (
        <MarginNote
          key={highlight.id}
          highlight={highlight}
          raised={highlight.id === activeId}
          editing={highlight.id === editingId}
          elementRef={elementRef(highlight.id)}
          onEdit={() => {
            props.onEditStart();
            setEditingId(highlight.id);
          }}
          onDone={() => setEditingId(null)}
          onSave={(note, session) => props.onSave(highlight.id, note, session)}
        />
      ))}
    </ol>
  );
}
