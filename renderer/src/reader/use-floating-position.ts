import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { useLayoutEffect, type RefObject } from 'react';

// Room kept between the passage and the floating element, and between it and the window's edges.
const GAP = 8;
const EDGE = 8;

/** What the element is placed beside: a live range (it moves as the text scrolls), or a fixed box. */
export type Anchor = Range | DOMRect;

/**
 * Places a fixed floating element (the selection toolbar, the highlight popover) beside `rect`, the passage
 * it is about, with Floating UI: on the preferred side when it fits, else flipped to the other side, shifted
 * sideways to stay inside the window, and never taller than the room left on its side, so it never covers
 * the passage and everything in it can be scrolled to (its own content scrolls). Placed again on resize and,
 * for a range, whenever the text around it scrolls; a passage scrolled out of the window leaves the element
 * at the window's edge rather than outside it.
 */
export function useFloatingPosition(
  floatingRef: RefObject<HTMLElement | null>,
  anchor: Anchor | null,
  side: 'top' | 'bottom',
): void {
  useLayoutEffect(() => {
    const floating = floatingRef.current;
    if (!floating || !anchor) return;
    const context = anchor instanceof Range ? anchor.commonAncestorContainer : null;
    const reference = {
      getBoundingClientRect: () => (anchor instanceof Range ? anchor.getBoundingClientRect() : anchor),
      // Its scrolling ancestors are watched, so the element follows the passage.
      contextElement: context instanceof Element ? context : (context?.parentElement ?? undefined),
    };
    // Hidden until placed, so it never shows for a frame at the wrong place.
    floating.style.visibility = 'hidden';
    let current = true;
    const place = () =>
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: side,
        middleware: [
          offset(GAP),
          flip({ padding: EDGE, fallbackPlacements: [side === 'top' ? 'bottom' : 'top'] }),
          shift({ padding: EDGE, crossAxis: true }),
          size({
            padding: EDGE,
            apply({ availableHeight, elements }) {
              // The stylesheet caps the element's height at --room (reader.css).
              elements.floating.style.setProperty('--room', `${Math.max(0, Math.floor(availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        if (!current) return;
        Object.assign(floating.style, { left: `${x}px`, top: `${y}px`, visibility: '' });
      });
    const stop = autoUpdate(reference, floating, place);
    return () => {
      current = false;
      stop();
    };
  }, [floatingRef, anchor, side]);
}
