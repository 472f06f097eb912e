/**
 * A file name for an export, made from an article's title, that every desktop file system accepts.
 */

// Windows refuses these anywhere in a name (and `/` is the separator everywhere); controls are
// invisible and some systems refuse them too.
const FORBIDDEN = /\s*[/\\:*?"<>|\p{Cc}]+\s*/gu;
// Bidi overrides, isolates and marks can make "gpj.exe" look like "exe.jpg": never in a file name.
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
// Windows device names, whatever the case and even with an extension ("con.txt" opens the console).
// The superscript digits are devices too (Microsoft's "Naming Files, Paths, and Namespaces").
const RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$/i;
// ext4, APFS and NTFS allow 255 bytes or UTF-16 units; 120 bytes leaves room for a folder path and
// for a "(2)" a browser or the OS may add.
const MAX_BYTES = 120;
const FALLBACK = 'hamish-export';

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function trimEnds(name: string): string {
  // Windows drops trailing dots and spaces (so "a." and "a" clash); leading dots hide a file on Unix;
  // a leading hyphen reads as an option on a command line, and one left at the end by "Notes:" is noise.
  return name.replace(/^[\s.-]+|[\s.-]+$/gu, '');
}

function isReserved(name: string): boolean {
  const stem = name.split('.')[0] ?? '';
  return RESERVED.test(stem.trimEnd());
}

/** The longest start of `name` that fits in `maxBytes` of UTF-8, cut between grapheme clusters. */
function cutToBytes(name: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(name)) {
    bytes += encoder.encode(segment).length;
    if (bytes > maxBytes) break;
    out += segment;
  }
  return out;
}

/**
 * `title` as a safe file name ending in `.ext`: Arabic and other scripts kept, characters Windows forbids
 * and controls replaced by `-`, white space collapsed, device names (CON, NUL, COM1…) prefixed with `_`,
 * no leading or trailing dots, spaces or hyphens, at most 120 UTF-8 bytes in all, never split inside a letter
 * with its marks, an emoji or a surrogate pair; `hamish-export.ext` when nothing usable is left.
 */
export function safeFileName(title: string, ext: string): string {
  const extension = ext.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '');
  const suffix = extension === '' ? '' : `.${extension}`;
  let base = trimEnds(
    title
      .normalize('NFC')
      .replace(BIDI_CONTROLS, '')
      // "a/b" → "a-b", but "Title: subtitle" → "Title subtitle" rather than "Title- subtitle".
      .replace(FORBIDDEN, (run) => (/^\s|\s$/u.test(run) ? ' ' : '-'))
      .replace(/\s+/gu, ' '),
  );
  if (isReserved(base)) base = `_${base}`;
  base = trimEnds(cutToBytes(base, MAX_BYTES - encoder.encode(suffix).length));
  return `${base || FALLBACK}${suffix}`;
}
