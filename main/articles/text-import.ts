/**
 * The plain-text importer: normalised text in, title and blocks out (docs/ARCHITECTURE.md, "Data flow: import a file").
 * Plain text has no markup, so structure is read from the shape of the lines.
 */
import type { Block } from '../../shared/article-model';
import { dropTrailingDebris } from './trailing-debris';

// Section headings in Arabic news text run 2–6 words (the seed's are 15–22 characters), while its
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

/**
 * Splits normalised plain text into blocks. The first non-empty line is the title (a level-1 heading);
 * every other non-empty line is a paragraph — in news text one line is one paragraph, so blank lines
 * separate nothing more than the lines already do — or a level-2 heading when it looks like one and the
 * next line is running text. Trailing share/related-links debris is dropped. Empty text gives no blocks.
 */
export function parsePlainText(text: string): PlainTextParse {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const [title, ...rest] = lines;
  if (title === undefined) return { title: '', blocks: [] };

  const body = dropTrailingDebris(rest);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: title }];
  body.forEach((line, index) => {
    const next = body[index + 1];
    // A short line alone (a signature, the last words) or before another short line is not a heading:
    // a heading introduces a paragraph.
    const isHeading = looksLikeHeading(line) && next !== undefined && !looksLikeHeading(next);
    blocks.push(isHeading ? { kind: 'heading', level: 2, text: line } : { kind: 'paragraph', text: line });
  });
  return { title, blocks };
}
