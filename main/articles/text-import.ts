/**
 * The plain-text importer: normalised text in, title and blocks out (docs/ARCHITECTURE.md, "Data flow: import a file").
 * Plain text has no markup, so structure is read from the shape of the lines.
 */
import type { Block, SecondaryKind } from '../../shared/article-model';
import { secondaryKind } from './secondary-lines';
import { dropTrailingDebris } from './trailing-debris';

// Section headings in Arabic news text run 2–6 words (those of data/article-ar.txt are 15–22 characters), while its
// shortest paragraphs are full sentences of 15+ words. 60 characters and 8 words leave room for a long
// heading while a paragraph rarely fits — and a line must also introduce running text to count.
const HEADING_MAX_CHARS = 60;
const HEADING_MAX_WORDS = 8;

// Sentence punctuation at the end of a line marks it as running text; `!`, `?` and `؟` do not,
// because headings ask and exclaim ("مقتل البغدادي بسوريا !").
const SENTENCE_END = /[.،؛,;:…۔]$/u;
// Closing quotes and brackets after the punctuation (`.”`) do not hide it.
const TRAILING_CLOSERS = /["'”’»›)\]}]+$/u;
// A word has a letter or a digit: a lone "!" or "—" is not a word, and "***" is not a heading.
const WORD = /[\p{L}\p{N}]/u;

// A title line: data/article-ar.txt's is 68 characters; past 100, or ending like a sentence, the first line is the
// article's opening sentence, and a short title is made from its first clause instead.
const TITLE_MAX_CHARS = 100;
// A made title is cut at the first clause, and never runs past this (two lines on a library card).
const MADE_TITLE_MAX_CHARS = 80;
// A clause shorter than this («قال:») says too little to name the article; the cut goes on to the next.
const MADE_TITLE_MIN_CHARS = 12;
const CLAUSE_END = /[.،؛,;:!?؟…۔]/gu;
// Bylines of the «- الرياض: …» shape stand among the first lines of a page (secondary-lines.ts).
const TOP_LINES = 6;
const ELLIPSIS = '…';

export type PlainTextParse = { title: string; blocks: Block[] };

function wordCount(line: string): number {
  return line.split(/\s+/u).filter((token) => WORD.test(token)).length;
}

/** A line short enough to be a heading that does not end like a sentence. */
function looksLikeHeading(line: string): boolean {
  const words = wordCount(line);
  return (
    line.length <= HEADING_MAX_CHARS &&
    words > 0 &&
    words <= HEADING_MAX_WORDS &&
    !SENTENCE_END.test(line.replace(TRAILING_CLOSERS, ''))
  );
}

/** A first line that can stand as the title: short, and not ending like a sentence. */
function isTitleLine(line: string): boolean {
  return line.length <= TITLE_MAX_CHARS && !SENTENCE_END.test(line.replace(TRAILING_CLOSERS, ''));
}

/**
 * A short title made from an opening sentence: its first clause (at least a few words), cut at a word
 * boundary to at most 80 characters, ended with an ellipsis. The person can rename it.
 */
export function madeTitle(line: string): string {
  let cut = line.length;
  for (const match of line.matchAll(CLAUSE_END)) {
    if (match.index >= MADE_TITLE_MIN_CHARS) {
      cut = match.index;
      break;
    }
  }
  let clause = line.slice(0, cut).trim();
  if (clause.length > MADE_TITLE_MAX_CHARS - ELLIPSIS.length) {
    const room = clause.slice(0, MADE_TITLE_MAX_CHARS - ELLIPSIS.length);
    const space = room.lastIndexOf(' ');
    clause = (space >= MADE_TITLE_MIN_CHARS ? room.slice(0, space) : room).trim();
  }
  const words = clause.replace(/[\s.،؛,;:…۔-]+$/u, '');
  // A line of punctuation alone has no clause to name the article by: its first characters do.
  return `${words === '' ? line.slice(0, MADE_TITLE_MAX_CHARS - ELLIPSIS.length) : words}${ELLIPSIS}`;
}

/**
 * Splits normalised plain text into blocks. The first non-empty line that is not a date line or byline
 * is the title (a level-1 heading) when it is short; when it is an opening sentence it stays a paragraph
 * and the title is made from its first clause. Every other non-empty line is a paragraph — in news text
 * one line is one paragraph, so blank lines separate nothing more than the lines already do — or a
 * level-2 heading when it looks like one and the next line is running text. Date lines, bylines and
 * attributions (secondary-lines.ts) are paragraphs marked `secondary`, never headings. Trailing
 * share/related-links debris is dropped. Empty text gives no blocks.
 */
export function parsePlainText(text: string): PlainTextParse {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { title: '', blocks: [] };
  const found = lines.findIndex((line) => secondaryKind(line) === undefined);
  const titleAt = found < 0 ? 0 : found;
  const first = lines[titleAt] ?? '';
  const hasTitleLine = found >= 0 && isTitleLine(first);
  const title = hasTitleLine ? first : madeTitle(first);

  const head = lines.slice(0, titleAt + 1);
  // The title line itself is never dropped as debris.
  const body = dropTrailingDebris(lines.slice(titleAt + 1));
  const blocks: Block[] = head.map((line, index) =>
    index === titleAt && hasTitleLine
      ? { kind: 'heading', level: 1, text: line }
      : paragraph(line, secondaryKind(line)),
  );
  const kinds = body.map((line, index) => secondaryKind(line, titleAt + 1 + index < TOP_LINES));
  body.forEach((line, index) => {
    const next = body[index + 1];
    // A short line alone (a signature, the last words) or before another short line is not a heading:
    // a heading introduces a paragraph.
    const isHeading =
      kinds[index] === undefined &&
      looksLikeHeading(line) &&
      next !== undefined &&
      !looksLikeHeading(next) &&
      kinds[index + 1] === undefined;
    blocks.push(isHeading ? { kind: 'heading', level: 2, text: line } : paragraph(line, kinds[index]));
  });
  return { title, blocks };
}

/** A paragraph, marked secondary when it is a date line, byline or attribution. */
function paragraph(text: string, secondary: SecondaryKind | undefined): Block {
  return secondary === undefined ? { kind: 'paragraph', text } : { kind: 'paragraph', text, secondary };
}
