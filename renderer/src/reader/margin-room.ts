import type { Direction } from '../../../shared/article-model';
import './margin-notes.css';

// The narrowest column kept beside margin notes, in the article's own ems (a readable measure), and the
// margin's width plus its gaps, in CSS pixels (as in margin-notes.css, --margin-note-width and the gaps).
const MIN_COLUMN_EMS = 28;
const MARGIN_PX = 14 * 16 + 40;
// The scroller's own padding on both sides (.reader-scroll in styles.css).
const PADDING_PX = 2 * 24;

/** The side the margin notes stand on: where the column's lines end, the left for a right-to-left text. */
export const marginSideOf = (dir: Direction): 'left' | 'right' => (dir === 'rtl' ? 'left' : 'right');

/** Whether a scroller `scrollerWidth` pixels wide holds the margin beside a readable column of `em` px type. */
export const marginFits = (scrollerWidth: number, em: number): boolean =>
  scrollerWidth - PADDING_PX - MARGIN_PX >= MIN_COLUMN_EMS * em;

/**
 * Whether the reader's scroller has room for the margin beside `article`, measured on the page. The reader
 * (use-margin-room.ts) and the first screen drawn before it (docs/ARCHITECTURE.md, "Opening fast") both
 * ask this, so the column stands at the same place in both.
 */
export function measureMarginRoom(scroller: HTMLElement, article: HTMLElement): boolean {
  const em = parseFloat(getComputedStyle(article).fontSize) || 20;
  return marginFits(scroller.clientWidth, em);
}
