/**
 * Reading position as a canonical-text offset, so it survives a change of font, size or window width.
 * Blocks are measured as boxes; inside a block the offset is interpolated by height, which is accurate
 * to a line or so — enough to put the reader back where they were.
 */

export type BlockBox = { start: number; length: number; top: number; height: number };

/** The offset of the text at `scrollTop` (the top edge of the reading area). */
export function offsetAtTop(boxes: readonly BlockBox[], scrollTop: number): number {
  for (const box of boxes) {
    if (box.top + box.height > scrollTop) {
      const inside = box.height > 0 ? Math.min(1, Math.max(0, (scrollTop - box.top) / box.height)) : 0;
      return box.start + Math.floor(inside * box.length);
    }
  }
  const last = boxes.at(-1);
  return last ? last.start + last.length : 0;
}

/** The scrollTop that brings `offset` to the top edge of the reading area. */
export function scrollTopFor(boxes: readonly BlockBox[], offset: number): number {
  // The start of the article is the top of the page, with the space above the title.
  if (offset <= 0) return 0;
  for (const box of boxes) {
    if (offset < box.start + box.length + 2) {
      const inside = box.length > 0 ? Math.min(1, Math.max(0, (offset - box.start) / box.length)) : 0;
      return Math.max(0, box.top + inside * box.height);
    }
  }
  const last = boxes.at(-1);
  return last ? last.top + last.height : 0;
}
