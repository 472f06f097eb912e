/**
 * The reading line: a third of the way down the text, where the eye reads on. A passage brought into
 * view (a highlight opened from the notes panel, a find match) is scrolled so its top sits there.
 */
const READING_LINE = 1 / 3;

/** How close to the scroller's top or bottom edge a find match may sit before it counts as out of view. */
const EDGE_PX = 40;

/** True when `range` sits inside `scroller`'s view, clear of its edges. */
export function isWellInView(scroller: HTMLElement, range: Range): boolean {
  const rect = range.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  return rect.top >= box.top + EDGE_PX && rect.bottom <= box.bottom - EDGE_PX;
}

/** Scrolls `scroller` so `range`'s top sits on the reading line. */
export function scrollToReadingLine(scroller: HTMLElement, range: Range): void {
  const rect = range.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  scroller.scrollTop += rect.top - box.top - box.height * READING_LINE;
}
