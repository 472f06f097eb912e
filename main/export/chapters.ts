/**
 * A book's highlights grouped by chapter: before the first highlight of each entry of the book's own
 * contents, that entry's title as a heading. A highlight belongs to the nearest entry at or before it
 * (a section nested in a chapter, when the contents go that deep); highlights before the first entry
 * (in the title or authors) come first, with no heading. Articles (no contents) are written as before.
 */
import type { ExportChapter, ExportHighlight } from './types';

/** `item` of each highlight, in the order given, with `heading(title)` where a new chapter begins. */
export function byChapter(
  highlights: readonly ExportHighlight[],
  chapters: readonly ExportChapter[] | undefined,
  heading: (title: string) => string,
  item: (highlight: ExportHighlight) => string,
): string[] {
  if (!chapters || chapters.length === 0) return highlights.map(item);
  const parts: string[] = [];
  let current: ExportChapter | undefined;
  for (const highlight of highlights) {
    const chapter = chapters.findLast((entry) => entry.start <= highlight.start);
    if (chapter !== undefined && chapter !== current) parts.push(heading(chapter.title));
    current = chapter;
    parts.push(item(highlight));
  }
  return parts;
}
