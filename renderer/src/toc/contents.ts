import type { Block, TocEntry } from '../../../shared/article-model';

/** One line of the table of contents: a section heading and the index of its block. */
export type ContentsEntry = { index: number; level: number; text: string };

/** The article's section headings (level 2 and below; level 1 is the title), in reading order. */
export function contentsOf(blocks: readonly Block[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  blocks.forEach((block, index) => {
    const level = block.level ?? 2;
    if (block.kind === 'heading' && level >= 2 && block.text.trim())
      entries.push({ index, level, text: block.text });
  });
  return entries;
}

/**
 * A book's own contents, flattened in their order (for finding the entry being read): level 2 for the
 * top entries, 3 for those inside them, and so on. Entries leading past the last block are left out.
 */
export function bookContentsOf(toc: readonly TocEntry[], blockCount: number, level = 2): ContentsEntry[] {
  return toc.flatMap((entry) => [
    ...(entry.block < blockCount ? [{ index: entry.block, level, text: entry.title }] : []),
    ...bookContentsOf(entry.children ?? [], blockCount, level + 1),
  ]);
}

/** Where a heading is, relative to the top of the reading area (negative: scrolled past). */
export type HeadingTop = { index: number; top: number };

/**
 * The section being read: the last heading at or above the reading line. At the very end of the article
 * the last heading in view wins, since a short last section can never reach the line.
 */
export function currentSection(
  headings: readonly HeadingTop[],
  readingLine: number,
  atEnd: boolean,
  viewHeight: number,
): number | null {
  let current: number | null = null;
  for (const heading of headings) {
    if (heading.top <= readingLine || (atEnd && heading.top < viewHeight)) current = heading.index;
    else break;
  }
  return current;
}
