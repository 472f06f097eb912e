/**
 * Word snapping for mouse selections (docs/ARCHITECTURE.md, "Data flow: highlight a passage"): a drag that
 * starts or ends inside a word takes the whole word, so a highlight never saves a fragment such as «ادة العس».
 * Words are Unicode word segments (Intl.Segmenter): an Arabic word keeps its harakat, tatweel and attached
 * clitics (و ف ب ل ال are written joined, so they are inside the segment), a number keeps its decimal point,
 * and a Latin word inside Arabic text is a word of its own. Only a window around each end is segmented.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
// Far longer than any word; a run of letters longer than this is cut at the window's edge, which is harmless.
const WINDOW = 80;
const SPACE = /\s/;

type Segment = { start: number; end: number; word: boolean };

/** The word segment holding the character at `index` (index < text.length). */
function segmentAt(text: string, index: number): Segment {
  const from = Math.max(0, index - WINDOW);
  const found = segmenter
    .segment(text.slice(from, Math.min(text.length, index + WINDOW)))
    .containing(index - from);
  if (!found) return { start: index, end: index + 1, word: false };
  const start = from + found.index;
  return { start, end: start + found.segment.length, word: found.isWordLike === true };
}

/**
 * Widens [start, end) of `text` to whole words and drops the spaces at its two ends. A selection of spaces
 * alone is returned as it was.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  if (start >= end) return { start, end };
  let from = start;
  let to = end;
  if (from < text.length) {
    const first = segmentAt(text, from);
    if (first.word) from = first.start;
  }
  if (to > 0 && to <= text.length) {
    const last = segmentAt(text, to - 1);
    if (last.word) to = last.end;
  }
  while (from < to && SPACE.test(text[from] ?? '')) from++;
  while (to > from && SPACE.test(text[to - 1] ?? '')) to--;
  return from < to ? { start: from, end: to } : { start, end };
}
