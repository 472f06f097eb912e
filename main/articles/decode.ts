/**
 * Bytes of an imported file → text. Arabic files come as UTF-8 (with or without a BOM), as UTF-16 from
 * Windows "Unicode" saves, or in one of the two legacy single-byte Arabic code pages: Windows-1256
 * (most older Arabic web pages and Word exports) and ISO-8859-6. Anything else is refused with a reason.
 */
import { ImportError } from './import-error';

/**
 * The largest file Hamish imports: 50 MiB. The importers hold the text, its DOM or syntax tree and the
 * blocks in memory at once, and the longest real articles are well under 1 MiB, so this bounds memory
 * (a few hundred MiB at worst) without refusing any real article.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type DecodedFile = { text: string; encoding: string };

const SINGLE_BYTE_ARABIC = ['windows-1256', 'iso-8859-6'] as const;

// Signatures of common binary formats: PNG, JPEG, GIF, PDF, ZIP (docx, epub), gzip, ELF, WebAssembly.
const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04],
  [0x1f, 0x8b],
  [0x7f, 0x45, 0x4c, 0x46],
  [0x00, 0x61, 0x73, 0x6d],
];

// Like git and file(1), judge on the first 8 KiB: binary formats show themselves early.
const SNIFF_BYTES = 8192;
// Text has no control characters besides TAB, LF, VT, FF, CR and ESC; a stray NUL from a crash is
// tolerated (the normaliser removes it), but 2% of the sample is a binary file, not damaged text.
const MAX_CONTROL_SHARE = 0.02;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

function isControl(code: number): boolean {
  return (
    code < 0x20 &&
    code !== 0x09 &&
    code !== 0x0a &&
    code !== 0x0b &&
    code !== 0x0c &&
    code !== 0x0d &&
    code !== 0x1b
  );
}

function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((magic) => startsWith(bytes, magic))) return true;
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of sample) if (isControl(byte)) controls += 1;
  return controls > sample.length * MAX_CONTROL_SHARE;
}

/** The same test on decoded text, for UTF-16 (whose bytes are half NULs when the text is Latin). */
function textLooksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  let controls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    if (isControl(sample.charCodeAt(index))) controls += 1;
  }
  return controls > sample.length * MAX_CONTROL_SHARE;
}

/** UTF-16 by its BOM. */
function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

// Characters a UTF-16 text is made of: ASCII text and whitespace, Latin-1 letters and signs, Arabic
// (with its supplement and presentation forms), general punctuation and the BOM. Bytes that are not
// UTF-16 text decode mostly to CJK ideographs, private-use or unassigned characters instead.
function isTextCharacter(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0xa0 && code <= 0x24f) ||
    (code >= 0x0600 && code <= 0x077f) ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfeff)
  );
}
// Almost every character of real text is one of those; a few emoji or CJK words are allowed.
const MIN_TEXT_SHARE = 0.95;

/**
 * UTF-16 saved without a BOM (some Windows tools do): its bytes are full of NULs and control bytes
 * (the high byte of Latin letters is 0x00, of Arabic letters 0x06), so it is tried only for files that
 * would otherwise be refused as binary. The byte order whose first 8 KiB read as text wins.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, SNIFF_BYTES);
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    // A sample may end inside a surrogate pair, so it is decoded leniently; the whole file strictly later.
    const text = new TextDecoder(encoding).decode(sample);
    let textual = 0;
    for (let index = 0; index < text.length; index += 1) {
      if (isTextCharacter(text.charCodeAt(index))) textual += 1;
    }
    if (text.length > 0 && textual >= text.length * MIN_TEXT_SHARE) return encoding;
  }
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    // The decoder drops a leading BOM by default, so the text starts with its first character.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes an imported file's bytes: UTF-8 (BOM optional), UTF-16 LE/BE (BOM optional), else Windows-1256
 * or ISO-8859-6, whichever reads as Arabic. Throws ImportError 'empty', 'too-large', 'binary' or
 * 'undecodable'; `name` is the file's name, used in the error message.
 */
export function decodeFile(bytes: Uint8Array, name: string): DecodedFile {
  if (bytes.length === 0) throw new ImportError('empty', name);
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mib = (count: number): string => `${Math.ceil(count / 1024 / 1024)} MB`;
    throw new ImportError(
      'too-large',
      name,
      `it is ${mib(bytes.length)}, the limit is ${mib(MAX_IMPORT_BYTES)}`,
    );
  }

  const binary = looksBinary(bytes);
  const utf16 =
    utf16ByBom(bytes) ??
    (binary && !MAGIC.some((magic) => startsWith(bytes, magic)) ? utf16WithoutBom(bytes) : null);
  if (utf16 !== null) {
    const text = decodeStrict(bytes, utf16);
    if (text === null) throw new ImportError('undecodable', name, `it is broken ${utf16.toUpperCase()}`);
    if (textLooksBinary(text)) throw new ImportError('binary', name);
    return { text, encoding: utf16 };
  }

  if (binary) throw new ImportError('binary', name);
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || looksLikeDamagedUtf8(bytes)) {
    throw new ImportError('undecodable', name, 'it looks like damaged UTF-8');
  }

  const best = SINGLE_BYTE_ARABIC.map((encoding) => readAsArabic(bytes, encoding)).reduce((a, b) =>
    b.score > a.score ? b : a,
  );
  if (!best.plausible) {
    throw new ImportError('undecodable', name, 'it is neither UTF-8 nor Arabic in a legacy code page');
  }
  return { text: best.text, encoding: best.encoding };
}

/**
 * True when most non-ASCII bytes form valid UTF-8 sequences: UTF-8 with a few broken bytes (a truncated
 * download, a bad copy). Read as Windows-1256 it would give mojibake full of real Arabic letters
 * (ط and ظ from every lead byte), so it must be refused here, before the single-byte guess.
 * Windows-1256 text rarely forms a valid sequence: its letters are mostly lead bytes (0xC1–0xED).
 */
function looksLikeDamagedUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    let continuations = 0;
    while (continuations < length - 1 && ((bytes[index + 1 + continuations] ?? 0) & 0xc0) === 0x80)
      continuations += 1;
    if (length > 0 && continuations === length - 1) {
      valid += 1;
      index += length;
    } else {
      invalid += 1;
      index += 1;
    }
  }
  return valid > invalid;
}

type Reading = { encoding: string; text: string; score: number; plausible: boolean };

// U+0600–U+06FF: Arabic letters, marks, Arabic punctuation (، ؛ ؟) and tatweel.
const isArabic = (code: number): boolean => code >= 0x0600 && code <= 0x06ff;
// ASCII letters and the Latin-1 letters (À–ÿ without × and ÷), which Windows-1256 keeps for French.
const isLatinLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7);
// What a wrong code page produces: U+FFFD for unmapped bytes (ISO-8859-6 leaves many unmapped) and
// C1 controls, which no real text contains.
const isWrong = (code: number): boolean => code === 0xfffd || (code >= 0x80 && code <= 0x9f);
// A wrongly guessed code page is costlier than a missing letter: one wrong character outweighs ten letters.
const WRONG_WEIGHT = 10;
// At least half of the non-ASCII characters must be Arabic, at most 1% wrong, and at most one Arabic
// character in ten may touch a Latin letter: Latin-1 Spanish read as Windows-1256 turns í into ي and
// á into ل, but inside Latin words ("aquي"), which real Arabic text never does.
const MIN_ARABIC_SHARE = 0.5;
const MAX_WRONG_SHARE = 0.01;
const MAX_MIXED_SHARE = 0.1;

/** Decodes with one single-byte code page and scores how much the result reads as Arabic. */
function readAsArabic(bytes: Uint8Array, encoding: string): Reading {
  const text = new TextDecoder(encoding).decode(bytes);
  let nonAscii = 0;
  let arabic = 0;
  let mixed = 0;
  let wrong = 0;
  // charCodeAt(-1) and past the end are NaN, which no test matches.
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    nonAscii += 1;
    if (isWrong(code)) wrong += 1;
    else if (isArabic(code)) {
      arabic += 1;
      if (isLatinLetter(text.charCodeAt(index - 1)) || isLatinLetter(text.charCodeAt(index + 1))) mixed += 1;
    }
  }
  const plausible =
    arabic > 0 &&
    arabic >= nonAscii * MIN_ARABIC_SHARE &&
    wrong <= nonAscii * MAX_WRONG_SHARE &&
    mixed <= arabic * MAX_MIXED_SHARE;
  return { encoding, text, score: arabic - mixed - WRONG_WEIGHT * wrong, plausible };
}
