import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { blockStarts, type Block } from '../../../shared/article-model';
import { onPageLeaving } from '../page-leaving';
import { offsetAtTop, scrollTopFor, type BlockBox } from './reading-position';

const SAVE_DELAY_MS = 300;
const RESTORE_FRAMES = 8;

/** A mounted reader: reads the offset at its top edge, and scrolls an offset back to it. */
type PositionKeeper = { capture: () => number; restore: (offset: number) => void };
const keepers = new Set<PositionKeeper>();

/**
 * Runs `change` (a new font, size, line height, width or interface language) and brings the text that was
 * at the top of the reader back to the top: now, and again over the next two frames, for changes that
 * React lays out a render later and blocks that content-visibility lays out lazily.
 */
export function keepReadingPosition(change: () => void): void {
  const captured = [...keepers].map((keeper) => ({ keeper, offset: keeper.capture() }));
  change();
  const restore = () => captured.forEach(({ keeper, offset }) => keeper.restore(offset));
  restore();
  requestAnimationFrame(() => {
    restore();
    requestAnimationFrame(restore);
  });
}

function measure(scroller: HTMLElement, blocks: readonly Block[]): BlockBox[] {
  const starts = blockStarts(blocks);
  const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
  return [...scroller.querySelectorAll<HTMLElement>('[data-block]')].map((element) => {
    const index = Number(element.dataset.block);
    const rect = element.getBoundingClientRect();
    return {
      start: starts[index] ?? 0,
      length: blocks[index]?.text.length ?? 0,
      top: rect.top - origin,
      height: rect.height,
    };
  });
}

/**
 * Restores the reading position when an article opens and reports it (offset + fraction) as the reader
 * scrolls, once scrolling pauses, or at once when the article closes or the page may be leaving (reload,
 * quit, hidden). Returns the fraction read, for the progress bar.
 */
export function useReadingPosition(
  scrollerRef: RefObject<HTMLElement | null>,
  blocks: readonly Block[],
  initialOffset: number | null,
  save: (offset: number, fraction: number) => void,
): number {
  const [fraction, setFraction] = useState(0);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // Restoring is repeated for a few frames and once the fonts have loaded: blocks far down are laid out
  // lazily (content-visibility) and web fonts change line heights, so the first measurement is only close.
  // The first scroll the user makes ends it.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || initialOffset === null) return;
    let active = true;
    let frames = 0;
    const settle = () => {
      if (!active) return;
      const top = scrollTopFor(measure(scroller, blocks), initialOffset);
      if (Math.abs(scroller.scrollTop - top) > 1) scroller.scrollTop = top;
    };
    const onFrame = () => {
      settle();
      if (active && ++frames < RESTORE_FRAMES) requestAnimationFrame(onFrame);
    };
    const stopOnUserScroll = () => {
      active = false;
    };
    settle();
    requestAnimationFrame(onFrame);
    void document.fonts?.ready.then(() => requestAnimationFrame(settle));
    scroller.addEventListener('wheel', stopOnUserScroll, { passive: true, once: true });
    scroller.addEventListener('keydown', stopOnUserScroll, { once: true });
    scroller.addEventListener('pointerdown', stopOnUserScroll, { once: true });
    return () => {
      active = false;
      scroller.removeEventListener('wheel', stopOnUserScroll);
      scroller.removeEventListener('keydown', stopOnUserScroll);
      scroller.removeEventListener('pointerdown', stopOnUserScroll);
    };
  }, [scrollerRef, blocks, initialOffset]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const keeper: PositionKeeper = {
      capture: () => offsetAtTop(measure(scroller, blocks), scroller.scrollTop),
      restore: (offset) => {
        const top = scrollTopFor(measure(scroller, blocks), offset);
        if (Math.abs(scroller.scrollTop - top) > 1) scroller.scrollTop = top;
      },
    };
    keepers.add(keeper);
    return () => {
      keepers.delete(keeper);
    };
  }, [scrollerRef, blocks]);

  // A layout effect, so that its cleanup measures the reader before React takes it out of the page.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const currentFraction = () => {
      const range = scroller.scrollHeight - scroller.clientHeight;
      return range > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / range)) : 1;
    };
    const saveNow = () => {
      timer = undefined;
      saveRef.current(offsetAtTop(measure(scroller, blocks), scroller.scrollTop), currentFraction());
    };
    // Only a position not saved yet is sent: a page hidden without scrolling writes nothing.
    // A detached reader measures as scrolled to the top, which would overwrite the real position.
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      if (scroller.isConnected) saveNow();
    };
    const onScroll = () => {
      setFraction(currentFraction());
      clearTimeout(timer);
      timer = setTimeout(saveNow, SAVE_DELAY_MS);
    };
    setFraction(currentFraction());
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const stopListening = onPageLeaving(flush);
    return () => {
      flush();
      stopListening();
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [scrollerRef, blocks]);

  return fraction;
}
