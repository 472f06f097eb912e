import { canonicalToRange, type Displays } from './dom-offsets';

/**
 * Gives keyboard focus to the passage a search hit opened: the paragraph holding it takes focus (with the
 * focus ring) and the caret is put at the hit's start, so reading or selecting goes on from there
 * (keyboard-selection.ts) instead of focus being left on the page's body. Focus the reader has already put
 * somewhere else is not taken from it.
 */
export function focusPassage(
  blocks: ReadonlyMap<number, HTMLElement>,
  starts: readonly number[],
  at: { start: number; end: number },
  displays?: Displays,
): void {
  const active = document.activeElement;
  if (active && active !== document.body && active !== document.documentElement) return;
  const range = canonicalToRange(blocks, starts, at.start, at.start, displays);
  const container = range?.startContainer;
  const element = container instanceof Element ? container : container?.parentElement;
  const block = element?.closest<HTMLElement>('[data-block]');
  if (!range || !block) return;
  // Focusable by script only: Tab still goes to the article as a whole, not to each paragraph.
  if (!block.hasAttribute('tabindex')) block.tabIndex = -1;
  block.focus({ preventScroll: true });
  document.getSelection()?.collapse(range.startContainer, range.startOffset);
}
