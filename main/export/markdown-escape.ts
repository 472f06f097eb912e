/**
 * Writing article text into Markdown so that it reads back exactly: every character that CommonMark,
 * GFM or Obsidian would take as syntax gets a backslash (CommonMark §2.4 lets any ASCII punctuation be
 * escaped, so removing the backslash before each escaped character restores the text).
 */

// CommonMark inline syntax (\ ` * _ [ ] < > and | for GFM tables), plus Obsidian's own: # tags,
// ==highlight==, ~~strike~~, $math$, %%comments%%, ^block-ids, and & for HTML entities.
const INLINE = /[\\`*_[\]<>|#=~$%^&]/g;
// At the start of a line, after any indent: list bullets and thematic breaks (-, +), ordered-list
// numbers (1. and 1)). `*`, `#`, `>` and `=` are already escaped everywhere.
const LINE_START_MARKER = /^([ \t]*)(?:([-+])|(\d{1,9})([.)]))/;

/** Escapes one line of plain text for a Markdown paragraph. */
export function escapeMarkdownLine(line: string): string {
  return line
    .replace(INLINE, '\\$&')
    .replace(
      LINE_START_MARKER,
      (_match, indent: string, bullet?: string, digits?: string, delimiter?: string) =>
        bullet !== undefined ? `${indent}\\${bullet}` : `${indent}${digits ?? ''}\\${delimiter ?? ''}`,
    );
}
