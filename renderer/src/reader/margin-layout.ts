/**
 * Where each margin note stands: beside its passage, in reading order, never over another note.
 * Pure arithmetic on measured numbers, so the stacking is tested apart from the DOM
 * (see docs/ARCHITECTURE.md, "Margin notes and the reader's layout").
 */

/** One note to place: the top of its passage and the note's own height, in the same coordinates. */
export type MarginItem = { id: string; anchor: number; height: number };

/** A placed note: its top. */
export type MarginPlacement = { id: string; top: number };

/**
 * Places notes top to bottom in the order given (reading order): each at its passage's top when there is
 * room, else just below the note before it. With `raised` (the note being read or edited), that note keeps
 * its passage's top exactly and the notes before it move up out of its way, as far as `minTop` allows;
 * past that the whole stack moves down again, still without overlap.
 */
export function stackNotes(
  items: readonly MarginItem[],
  gap: number,
  raised: string | null = null,
  minTop = 0,
): MarginPlacement[] {
  const tops = items.map((item) => Math.max(item.anchor, minTop));
  const pivot = raised === null ? -1 : items.findIndex((item) => item.id === raised);
  const height = (i: number) => items[i]?.height ?? 0;
  const top = (i: number) => tops[i] ?? 0;

  const down = (from: number, to: number) => {
    for (let i = Math.max(1, from); i < to; i++) tops[i] = Math.max(top(i), top(i - 1) + height(i - 1) + gap);
  };
  if (pivot < 0) down(1, items.length);
  else {
    // The notes before the raised one stack as usual; the raised one stays at its passage, and those
    // before it that would run into it go up out of its way (only as far as they must); those after it
    // go down.
    down(1, pivot);
    for (let i = pivot - 1; i >= 0; i--) tops[i] = Math.min(top(i), top(i + 1) - height(i) - gap);
    // Moving up stops at the top edge: from there the stack is pushed down again in order.
    if (top(0) < minTop) tops[0] = minTop;
    down(1, items.length);
  }
  return items.map((item, i) => ({ id: item.id, top: top(i) }));
}

/**
 * The first and last index of `tops` (ascending block tops) whose blocks reach into [from, to], found by
 * halving, so a long article costs a few reads of block positions rather than one per block.
 */
export function blocksInWindow(
  count: number,
  topOf: (index: number) => number,
  from: number,
  to: number,
): [number, number] | null {
  if (count === 0) return null;
  // The last block that starts at or above `from` is the first one reaching into the window.
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (topOf(mid) <= from) low = mid;
    else high = mid - 1;
  }
  const first = low;
  low = first;
  high = count - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (topOf(mid) <= to) low = mid;
    else high = mid - 1;
  }
  if (topOf(low) > to) return null;
  return [first, low];
}
