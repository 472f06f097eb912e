/**
 * A reader's note, which is already Markdown, placed into an exported Markdown file.
 * The note's own syntax is kept; what is added protects what follows the note (see markdown-contain.ts).
 */
import type { Direction } from '../articles';
import { isolateLeadingLatin } from './bidi-isolate';
import { escapeMarkdownLine } from './markdown-escape';
import { containedMarkdown, escapeLooseAngles, MAX_PARSED_NOTE, mayBreakOut } from './markdown-contain';

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The note's lines with a code fence it opens and never closes closed, and, in a right-to-left article,
 * a bidi isolate on a line that starts in Latin and goes on in Arabic (bidi-isolate.ts) — except inside
 * fenced code, where every character is literal.
 */
function closedAndIsolated(
  lines: readonly string[],
  dir: Direction,
  outsideCode: (line: string) => string = (line) => line,
): string[] {
  let openFence: string | undefined;
  const out = lines.map((line) => {
    const match = FENCE.exec(line);
    const fence = match?.[1];
    const rest = match?.[2] ?? '';
    if (openFence === undefined && fence !== undefined && !(fence[0] === '`' && rest.includes('`'))) {
      // CommonMark: a backtick fence's info string holds no backtick, or it is no fence.
      openFence = fence;
      return line;
    }
    if (openFence !== undefined) {
      // A closing fence: the same character, at least as many times, then nothing but spaces.
      if (
        fence !== undefined &&
        fence[0] === openFence[0] &&
        fence.length >= openFence.length &&
        rest.trim() === ''
      ) {
        openFence = undefined;
      }
      return line;
    }
    const text = outsideCode(line);
    return dir === 'rtl' ? isolateLeadingLatin(text) : text;
  });
  if (openFence !== undefined) out.push(openFence);
  return out;
}

/** The note as escaped plain text: every line reads exactly as typed, none can be syntax. */
function plainLines(lines: readonly string[], dir: Direction): string[] {
  return lines.map((line) => {
    const escaped = escapeMarkdownLine(line);
    return dir === 'rtl' ? isolateLeadingLatin(escaped) : escaped;
  });
}

/** The note's lines, ready to be written as a block of the export; nothing in them reaches past the note. */
export function markdownNote(note: string, dir: Direction): string[] {
  const text = note.replace(/\r\n?/g, '\n').trim();
  if (!mayBreakOut(text)) return closedAndIsolated(text.split('\n'), dir);
  const lines = closedAndIsolated(text.split('\n'), dir, escapeLooseAngles);
  const contained = text.length <= MAX_PARSED_NOTE ? containedMarkdown(lines.join('\n')) : null;
  return contained === null ? plainLines(text.split('\n'), dir) : contained.split('\n');
}
