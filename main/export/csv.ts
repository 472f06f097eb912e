/**
 * CSV for Readwise's CSV import, which reads the columns Highlight, Title, Author, URL, Note, Location, Date
 * (only Highlight is required). Written per RFC 4180: CRLF between records, a field quoted when it holds
 * `,` `"` CR or LF, quotes inside doubled. A UTF-8 BOM comes first, or Excel reads the file as the
 * local code page and the Arabic turns to mojibake.
 *
 * Columns:
 * - Highlight: the quote. Orphans are included with their stored quote: the words are still the reader's
 *   highlight even though the article changed around them; their Location is left empty.
 * - Title: the article's title. Author and URL: a page saved from the web's byline and address; empty for an
 *   article imported from a file, which has neither.
 * - Note: tags first, in Readwise's inline-tag form, then the note, then the colour. Readwise documents
 *   (docs.readwise.io, "Action tags" → "Inline Tagging") that a note starting with `.` followed by a
 *   single word, no spaces, becomes a tag; its page shows one tag per note, so `.tag1 .tag2` for several
 *   follows the same rule but is not spelled out there. Spaces inside a tag become `_`.
 * - Location: the highlight's start in the article's canonical text (a UTF-16 offset), so Readwise sorts
 *   the highlights in reading order.
 * - Date: when the highlight was made, UTC, as `YYYY-MM-DD HH:MM:SS`.
 */
import { colorLabel, label } from './labels';
import { inReadingOrder } from './reading-order';
import { isolateLeadingLatinText } from './bidi-isolate';
import type { ExportHighlight, ExportInput } from './types';

const HEADER = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'];
const BOM = '\uFEFF';

// A cell a spreadsheet would run as a formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, tab or CR first.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: a formula start neutralised by a leading `'` (spreadsheets then show the text as typed; other
 * readers keep the `'`), quoted when it holds `,` `"` CR or LF, or `;` — the separator where a comma is
 * the decimal mark, so that a cell cannot be split there into one that starts a formula.
 */
function csvField(raw: string): string {
  const value = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function readwiseTag(tag: string): string {
  // A leading dot would read as a second, empty tag.
  const word = tag.trim().replace(/\s+/gu, '_').replace(/^\.+/, '');
  return word === '' ? '' : `.${word}`;
}

/** `2025-03-01T09:15:00.000Z` → `2025-03-01 09:15:00` (UTC); '' for a date that does not parse. */
export function readwiseDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

/** In a right-to-left article, each line that starts in Latin keeps the cell right-to-left (see bidi-isolate). */
function isolated(text: string, dir: 'rtl' | 'ltr'): string {
  return dir === 'rtl' ? text.split('\n').map(isolateLeadingLatinText).join('\n') : text;
}

function noteField(highlight: ExportHighlight, names: ExportInput['colorNames'], dir: 'rtl' | 'ltr'): string {
  const tags = highlight.tags.map(readwiseTag).filter((tag) => tag !== '');
  const parts = [tags.join(' '), isolated(highlight.note.replace(/\r\n?/g, '\n').trim(), dir)];
  parts.push(`${label('color', 'ltr')}: ${colorLabel(highlight.color, names)}`);
  return parts.filter((part) => part !== '').join('\n');
}

/** The export as a Readwise-importable CSV (columns above). */
export function toCsv(input: ExportInput): string {
  const rows = [HEADER];
  for (const { meta, highlights } of input.articles) {
    const { anchored, orphans } = inReadingOrder(highlights);
    for (const highlight of [...anchored, ...orphans]) {
      rows.push([
        isolated(highlight.target.exact, meta.dir),
        meta.title,
        meta.source.web?.author ?? '',
        meta.source.web?.url ?? '',
        noteField(highlight, input.colorNames, meta.dir),
        highlight.start >= 0 && highlight.status !== 'orphan' ? String(highlight.start) : '',
        readwiseDate(highlight.createdAt),
      ]);
    }
  }
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
