/**
 * Text from the reader's data into HTML: escaped, never interpreted. A note is shown formatted by
 * html-note.ts; the plain paragraphs here are its fallback for a note nested too deep to parse.
 */
import type { Direction } from '../articles';
import { leadingLatinRun } from './bidi-isolate';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that can change the meaning of HTML text or of a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** An escaped line whose leading Latin run, if Arabic follows, sits in `<bdi>` (bidi-isolate.ts). */
function isolatedLine(line: string): string {
  const run = leadingLatinRun(line);
  if (run === undefined) return escapeHtml(line);
  const [before, inside, after] = [
    line.slice(0, run.start),
    line.slice(run.start, run.end),
    line.slice(run.end),
  ];
  return `${escapeHtml(before)}<bdi>${escapeHtml(inside)}</bdi>${escapeHtml(after)}`;
}

function paragraphs(text: string, open: string, line: (line: string) => string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => `${open}${paragraph.split('\n').map(line).join('<br>')}</p>`)
    .join('\n');
}

/** Plain text as `<p>` paragraphs: a blank line separates paragraphs, a single line break becomes `<br>`. */
export function htmlParagraphs(text: string): string {
  return paragraphs(text, '<p>', escapeHtml);
}

/**
 * A note as paragraphs with `dir="auto"`, each taking the direction of its own text. In a right-to-left
 * article a line that opens with an English word and goes on in Arabic gets that word isolated, or
 * `dir="auto"` would read the whole paragraph as English.
 */
export function htmlNoteParagraphs(text: string, articleDir: Direction): string {
  return paragraphs(text, '<p dir="auto">', articleDir === 'rtl' ? isolatedLine : escapeHtml);
}
