/**
 * A reader's note, which is already Markdown, placed into an exported Markdown file.
 * The note's own syntax is kept; only two things are added, both to protect what follows the note.
 */
import type { Direction } from '../articles';
import { isolateLeadingLatin } from './bidi-isolate';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The note's lines, ready to be written as a block of the export:
 * - in a right-to-left article, a line that starts in Latin and goes on in Arabic gets a bidi isolate
 *   (bidi-isolate.ts), except inside fenced code, where every character is literal;
 * - a code fence the note opens and never closes is closed, or it would swallow the rest of the export.
 */
export function markdownNote(note: string, dir: Direction): string[] {
  const lines = note.replace(/\r\n?/g, '\n').trim().split('\n');
  let openFence: string | undefined;
  const out = lines.map((line) => {
    const fence = FENCE.exec(line)?.[1];
    if (openFence === undefined && fence !== undefined) {
      openFence = fence;
      return line;
    }
    if (openFence !== undefined) {
      // CommonMark: a closing fence uses the same character, at least as many times.
      if (fence !== undefined && fence[0] === openFence[0] && fence.length >= openFence.length) {
        openFence = undefined;
      }
      return line;
    }
    return dir === 'rtl' ? isolateLeadingLatin(line) : line;
  });
  if (openFence !== undefined) out.push(openFence);
  return out;
}
