/**
 * Keeps a mixed line right-to-left in an Arabic document.
 *
 * Obsidian and most Markdown viewers pick each line's direction from its first strong letter (UAX #9,
 * rules P2–P3), as HTML's `dir="auto"` does. A note line such as «Readwise يقرأ هذا الملف» would then be
 * laid out left to right and read backwards. Isolating the leading Latin run hides it from that choice —
 * FSI…PDI (U+2068/U+2069) in Markdown, `<bdi>` in HTML — so the first strong letter outside the isolate
 * is Arabic, the line stays right-to-left and the Latin words keep their own order inside it. No LRM/RLM
 * is written: a mark is a strong character that changes the direction of a whole line by itself.
 *
 * Only where needed: a line is changed only when its first strong letter is left-to-right AND a
 * right-to-left letter follows. A line wholly in Latin is left alone (left-to-right is right for it), and
 * so is a line already carrying bidi controls (its writer chose).
 */

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;
// In Markdown the isolate must not land inside syntax: a link, code, HTML, an entity, a tag or math.
const MARKDOWN_SYNTAX = /[[\]()<>`$&#;]/u;

/** [start, end) of a line's leading left-to-right run (UTF-16 indices), when right-to-left text follows. */
export function leadingLatinRun(line: string): { start: number; end: number } | undefined {
  if (BIDI_CONTROLS.test(line)) return undefined;
  let start = -1;
  let end = -1;
  let index = 0;
  for (const char of line) {
    if (LETTER.test(char)) {
      const rtl = RTL_LETTER.test(char);
      if (start < 0 && rtl) return undefined;
      if (rtl) return { start, end };
      if (start < 0) start = index;
    }
    if (start >= 0 && LETTER_OR_DIGIT.test(char)) end = index + char.length;
    index += char.length;
  }
  return undefined;
}

/** A Markdown line with its leading Latin run wrapped in FSI…PDI, where needed and clear of syntax. */
export function isolateLeadingLatin(line: string): string {
  const run = leadingLatinRun(line);
  if (run === undefined) return line;
  // One character each side too: `[Readwise](…)` or `#Readwise` must stay whole.
  if (MARKDOWN_SYNTAX.test(line.slice(Math.max(0, run.start - 1), run.end + 1))) return line;
  return `${line.slice(0, run.start)}\u2068${line.slice(run.start, run.end)}\u2069${line.slice(run.end)}`;
}

/**
 * A plain-text line (a CSV field's line) with its leading Latin run wrapped in FSI…PDI where needed: a
 * spreadsheet cell, like a Markdown line, takes its direction from its first strong letter.
 */
export function isolateLeadingLatinText(line: string): string {
  const run = leadingLatinRun(line);
  if (run === undefined) return line;
  return `${line.slice(0, run.start)}\u2068${line.slice(run.start, run.end)}\u2069${line.slice(run.end)}`;
}
