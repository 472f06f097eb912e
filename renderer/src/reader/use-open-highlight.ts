import { useCallback, useState, type RefObject } from 'react';
import type { ResolvedHighlight } from '../../../shared/contract';
import { canonicalToRange, type Displays } from './dom-offsets';
import { flash } from './paint';
import { scrollToReadingLine } from './reading-line';

type Placing = {
  scrollerRef: RefObject<HTMLElement | null>;
  blocks: () => Map<number, HTMLElement>;
  starts: readonly number[];
  displays: Displays | undefined;
};

/**
 * The highlight whose popover is open, and its passage: a live range, so the popover follows it when the
 * text scrolls. `open` with `scroll` brings it to the reading line first (from the notes panel).
 */
export function useOpenHighlight(highlights: readonly ResolvedHighlight[], placing: Placing) {
  const { scrollerRef, blocks, starts, displays } = placing;
  const [activeId, setActiveId] = useState<string | null>(null);
  const [activePassage, setActivePassage] = useState<Range | null>(null);
  const active = highlights.find((h) => h.id === activeId) ?? null;

  const open = useCallback(
    (highlight: ResolvedHighlight, scroll: boolean) => {
      setActiveId(highlight.id);
      if (highlight.status === 'orphan') return setActivePassage(null);
      const map = blocks();
      const range = canonicalToRange(map, starts, highlight.start, highlight.end, displays);
      const scroller = scrollerRef.current;
      if (scroll && range && scroller) {
        scrollToReadingLine(scroller, range);
        // Blocks far away are laid out lazily; place again once the target block has its real size.
        requestAnimationFrame(() => {
          scrollToReadingLine(scroller, range);
          setActivePassage(range);
          flash(map, starts, highlight, displays);
        });
      } else setActivePassage(range);
    },
    [blocks, starts, displays, scrollerRef],
  );
  const close = useCallback(() => setActiveId(null), []);
  return { active, activeId, activePassage, open, close };
}
