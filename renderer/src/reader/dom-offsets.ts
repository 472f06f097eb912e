import type { DisplayText } from './display-text';

/** The shown text of block i when it differs from the stored text (vowel marks hidden), else undefined. */
export type Displays = (index: number) => DisplayText | undefined;
const STORED: Displays = () => undefined;

/**
 * Canonical offsets ↔ DOM positions. Each block element carries `data-block="i"`; block i starts at
 * `starts[i]` in the canonical text, and inside a block the offset is the count of characters in the text
 * nodes before the position (marks such as <em> and <a> only nest text, they add none).
 */

function blockOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-block]') ?? null;
}

function textNodes(block: Node): Text[] {
  const nodes: Text[] = [];
  const walker = block.ownerDocument?.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  if (!walker) return nodes;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Characters of `block` that come before the DOM position (node, offset). */
function offsetInBlock(block: HTMLElement, node: Node, offset: number): number {
  const range = block.ownerDocument.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The canonical offset of a DOM position inside the article, or null if it is outside every block. */
export function canonicalOffset(
  starts: readonly number[],
  node: Node,
  offset: number,
  displays: Displays = STORED,
): number | null {
  const block = blockOf(node);
  if (!block) return null;
  const index = Number(block.dataset.block);
  const start = starts[index];
  if (start === undefined) return null;
  const shown = offsetInBlock(block, node, offset);
  const display = displays(index);
  return start + (display ? (display.toStored[shown] ?? shown) : shown);
}

/**
 * The canonical span of a DOM range that may start or end outside the article's blocks (a triple click,
 * a drag that runs past the last paragraph): each end is clamped to the nearest block inside the range.
 */
export function rangeToCanonical(
  article: HTMLElement,
  starts: readonly number[],
  lengths: readonly number[],
  range: Range,
  displays: Displays = STORED,
): { start: number; end: number } | null {
  const blocks = [...article.querySelectorAll<HTMLElement>('[data-block]')].filter((b) =>
    range.intersectsNode(b),
  );
  const first = blocks[0];
  const last = blocks.at(-1);
  if (!first || !last) return null;
  const startIndex = Number(first.dataset.block);
  const endIndex = Number(last.dataset.block);
  const start = first.contains(range.startContainer)
    ? canonicalOffset(starts, range.startContainer, range.startOffset, displays)
    : (starts[startIndex] ?? null);
  const end = last.contains(range.endContainer)
    ? canonicalOffset(starts, range.endContainer, range.endOffset, displays)
    : (starts[endIndex] ?? 0) + (lengths[endIndex] ?? 0);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Finds the block holding `offset` (binary search over block starts). */
function blockIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The DOM position of a canonical offset; offsets in a block separator snap to the end of the block. */
function domPosition(
  blocks: ReadonlyMap<number, HTMLElement>,
  starts: readonly number[],
  offset: number,
  displays: Displays,
): { node: Node; offset: number } | null {
  const index = blockIndexAt(starts, offset);
  const block = blocks.get(index);
  if (!block) return null;
  const stored = offset - (starts[index] ?? 0);
  const display = displays(index);
  let remaining = display
    ? (display.toShown[Math.min(stored, display.toShown.length - 1)] ?? stored)
    : stored;
  const nodes = textNodes(block);
  for (const node of nodes) {
    if (remaining <= node.length) return { node, offset: remaining };
    remaining -= node.length;
  }
  const lastNode = nodes.at(-1);
  return lastNode ? { node: lastNode, offset: lastNode.length } : { node: block, offset: 0 };
}

/** Index → element of every block in the article, for repeated lookups. */
export function blockElements(article: HTMLElement): Map<number, HTMLElement> {
  const map = new Map<number, HTMLElement>();
  for (const element of article.querySelectorAll<HTMLElement>('[data-block]'))
    map.set(Number(element.dataset.block), element);
  return map;
}

/** A DOM Range over the canonical span [start, end). */
export function canonicalToRange(
  blocks: ReadonlyMap<number, HTMLElement>,
  starts: readonly number[],
  start: number,
  end: number,
  displays: Displays = STORED,
): Range | null {
  const from = domPosition(blocks, starts, start, displays);
  const to = domPosition(blocks, starts, end, displays);
  if (!from || !to) return null;
  const range = from.node.ownerDocument?.createRange();
  if (!range) return null;
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The canonical offset under a point on screen (for clicks on painted highlights). */
export function offsetAtPoint(
  starts: readonly number[],
  x: number,
  y: number,
  displays: Displays = STORED,
): number | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return canonicalOffset(starts, position.offsetNode, position.offset, displays);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? canonicalOffset(starts, range.startContainer, range.startOffset, displays) : null;
}
