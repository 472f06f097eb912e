/**
 * Source text normalisation, run by every importer before any offset is computed (docs/ARCHITECTURE.md, "Store on disk").
 * A file re-read on another OS or saved by another editor then yields the same canonical text, so highlight
 * offsets never shift because of a BOM, a line ending or an invisible control character.
 */

// C0 controls other than TAB and LF. CR is turned into LF before this runs, TAB into a space.
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose of this pattern
const C0_EXCEPT_TAB_LF = /[\u0000-\u0008\u000B-\u001F]/g;

// Horizontal white space only: `\s` would also match U+2028/U+2029, which are text, not padding.
// Each run is matched once and kept or dropped by what follows it: a lookahead in the pattern instead
// would rescan a long run from each of its spaces (a megabyte of spaces took minutes).
const SPACE_RUN = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

function withoutTrailingSpace(text: string): string {
  return text.replace(SPACE_RUN, (run: string, at: number) => {
    const next = at + run.length;
    return next === text.length || text.charCodeAt(next) === 0x0a ? '' : run;
  });
}

/**
 * Strips a leading BOM, turns CRLF and lone CR into LF, tabs into spaces, removes NUL and the other C0
 * control characters, and trims the spaces at the end of each line. Pure; idempotent.
 */
export function normalizeSourceText(raw: string): string {
  const withoutBom = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  return withoutTrailingSpace(
    withoutBom.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(C0_EXCEPT_TAB_LF, ''),
  );
}

/** Presentation forms (ligatures and contextual shapes of Arabic letters) as the letters they show. */
const PRESENTATION_FORMS = /[\uFB50-\uFDF1\uFE70-\uFEFC]/g;

/**
 * What every importer reads: normalizeSourceText, and Arabic presentation forms — which PDFs and old pages
 * use — turned into the letters they stand for, so that the text shapes, searches and copies like any other.
 */
export function cleanSourceText(raw: string): string {
  return normalizeSourceText(raw).replace(PRESENTATION_FORMS, (form) => form.normalize('NFKC'));
}
