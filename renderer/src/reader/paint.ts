import { COLORS, type Color } from '../../../shared/annotation-model';
import { canonicalToRange, type Displays } from './dom-offsets';

/**
 * Paints highlights with the CSS Custom Highlight API: one registered Highlight per colour (styled by
 * `::highlight(hamish-<colour>)` in styles.css), plus one for passages where highlights overlap, one for
 * the active highlight and one for a short flash. No DOM is changed, so React keeps its nodes and Arabic
 * letters stay joined across highlight edges (a <mark> breaks joining when it changes font properties).
 */

export type PaintSpan = { id: string; color: Color; start: number; end: number };

type HighlightRegistry = Map<string, Highlight>;

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS
    ? (CSS.highlights as unknown as HighlightRegistry)
    : null;
}

/** True where the browser can paint highlights (Chromium ≥ 105; every Electron we support). */
export function canPaint(): boolean {
  return registry() !== null && typeof Highlight !== 'undefined';
}

/** Spans of the text covered by two highlights or more (sweep over start/end events). */
export function overlaps(spans: readonly PaintSpan[]): { start: number; end: number }[] {
  const events = spans.flatMap((s) => [
    { at: s.start, delta: 1 },
    { at: s.end, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const result: { start: number; end: number }[] = [];
  let depth = 0;
  let openedAt = 0;
  for (const { at, delta } of events) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) openedAt = at;
    if (before >= 2 && depth < 2 && at > openedAt) {
      const last = result.at(-1);
      if (last && last.end === openedAt) last.end = at;
      else result.push({ start: openedAt, end: at });
    }
  }
  return result;
}

function rangesFor(
  blocks: ReadonlyMap<number, HTMLElement>,
  starts: readonly number[],
  spans: readonly { start: number; end: number }[],
  displays?: Displays,
): Range[] {
  const ranges: Range[] = [];
  for (const span of spans) {
    const range = canonicalToRange(blocks, starts, span.start, span.end, displays);
    if (range) ranges.push(range);
  }
  return ranges;
}

/** Replaces every painted highlight by `spans` (orphans are simply not passed in). */
export function paintHighlights(
  blocks: ReadonlyMap<number, HTMLElement>,
  starts: readonly number[],
  spans: readonly PaintSpan[],
  displays?: Displays,
): void {
  const highlights = registry();
  if (!highlights) return;
  COLORS.forEach((color, index) => {
    const ranges = rangesFor(
      blocks,
      starts,
      spans.filter((s) => s.color === color),
      displays,
    );
    const highlight = new Highlight(...ranges);
    highlight.priority = index;
    highlights.set(`hamish-${color}`, highlight);
  });
  const overlap = new Highlight(...rangesFor(blocks, starts, overlaps(spans), displays));
  overlap.priority = COLORS.length;
  highlights.set('hamish-overlap', overlap);
}

/** Marks one span as the highlight being edited (or none). */
export function paintActive(
  blocks: ReadonlyMap<number, HTMLElement>,
  starts: readonly number[],
  span: { start: number; end: number } | null,
  displays?: Displays,
): void {
  const highlights = registry();
  if (!highlights) return;
  const active = new Highlight(...(span ? rangesFor(blocks, starts, [span], displays) : []));
  active.priority = COLORS.length + 1;
  highlights.set('hamish-active', active);
}

/** Flashes a span for a moment, to show the reader where a notes-panel entry or search hit is. */
export function flash(
  blocks: ReadonlyMap<number, HTMLElement>,
  starts: readonly number[],
  span: { start: number; end: number },
  displays?: Displays,
): void {
  const highlights = registry();
  if (!highlights) return;
  const flashing = new Highlight(...rangesFor(blocks, starts, [span], displays));
  flashing.priority = COLORS.length + 2;
  highlights.set('hamish-flash', flashing);
  setTimeout(() => {
    if (highlights.get('hamish-flash') === flashing) highlights.delete('hamish-flash');
  }, 1200);
}

/** Paints find-in-article matches, the current one distinct (empty `spans` clears them). */
export function paintFind(
  blocks: ReadonlyMap<number, HTMLElement>,
  starts: readonly number[],
  spans: readonly { start: number; end: number }[],
  current: number,
  displays?: Displays,
): void {
  const highlights = registry();
  if (!highlights) return;
  const others = new Highlight(
    ...rangesFor(
      blocks,
      starts,
      spans.filter((_, i) => i !== current),
      displays,
    ),
  );
  others.priority = COLORS.length + 3;
  highlights.set('hamish-find', others);
  const here = spans[current];
  const currentHighlight = new Highlight(...(here ? rangesFor(blocks, starts, [here], displays) : []));
  currentHighlight.priority = COLORS.length + 4;
  highlights.set('hamish-find-current', currentHighlight);
}

/** Removes every Hamish highlight (when the reader closes). */
export function clearPaint(): void {
  const highlights = registry();
  if (!highlights) return;
  for (const name of [...highlights.keys()]) if (name.startsWith('hamish-')) highlights.delete(name);
}
