/**
 * What a single character becomes under Hamish's search normalisation (see `normalizeArabic`).
 * The rules are decided once per code unit and remembered in a typed table, so the hot loop over a
 * long article is a table lookup, not a call to `String.prototype.normalize` per character.
 */

/** The character produces no output (harakat, tatweel, invisible controls). */
export const REMOVE = -1;
/** The character produces several characters; ask `expansionOf`. */
export const EXPAND = -2;
/** A surrogate code unit: the caller pairs it and asks `foldAstral`. */
export const SURROGATE = -3;
const UNKNOWN = -4;

const DOUBLE_QUOTES = '"“”„‟«»″＂';
// ′ (prime) is here because NFKC would otherwise turn ″ into two of them.
const SINGLE_QUOTES = "'‘’‚‛‹›′＇";

/** Letter and digit folds, applied after NFKC (so presentation forms reach them as plain letters). */
const LETTERS: ReadonlyMap<number, string> = new Map(
  [
    ...[...'أإآٱ'].map((c) => [c, 'ا'] as const),
    ['ى', 'ي'],
    ['ة', 'ه'],
    // Writers disagree on the seat of a medial hamza (مسئول / مسؤول, شئون / شؤون), so the seated forms keep
    // the hamza and forget the seat; folding them to و and ي instead would keep those spellings apart.
    ['ؤ', 'ء'],
    ['ئ', 'ء'],
    ['ی', 'ي'],
    ['ک', 'ك'],
    ...[...'٠١٢٣٤٥٦٧٨٩'].map((c, digit) => [c, String(digit)] as const),
    ...[...'۰۱۲۳۴۵۶۷۸۹'].map((c, digit) => [c, String(digit)] as const),
  ].map(([from, to]) => [from.charCodeAt(0), to]),
);

/** Harakat and other Arabic marks, tatweel, and invisible bidi/joiner/format controls. */
export function isIgnorable(cp: number): boolean {
  return (
    (cp >= 0x064b && cp <= 0x065f) || // tashkeel, hamza above/below, other harakat
    cp === 0x0670 || // superscript alef
    cp === 0x0640 || // tatweel
    (cp >= 0x0610 && cp <= 0x061a) || // honorific signs written above letters
    (cp >= 0x06d6 && cp <= 0x06dc) || // Quranic annotation marks
    (cp >= 0x06df && cp <= 0x06e4) ||
    cp === 0x06e7 ||
    cp === 0x06e8 ||
    (cp >= 0x06ea && cp <= 0x06ed) ||
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    cp === 0x061c || // Arabic letter mark
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0xfeff || // BOM / zero-width no-break space
    cp === 0x00ad || // soft hyphen: invisible unless a line breaks there
    cp === 0x2060 // word joiner
  );
}

const WHITESPACE = /^\s$/;
const MARK = /^\p{M}$/u;

/** Rules that must run before NFKC: it would split ″ into two primes and turn some spaces into others. */
function foldBeforeCompat(cp: number, ch: string): string | undefined {
  if (DOUBLE_QUOTES.includes(ch)) return '"';
  if (SINGLE_QUOTES.includes(ch)) return "'";
  if (isIgnorable(cp)) return '';
  if (WHITESPACE.test(ch)) return ' ';
  return undefined;
}

function foldAfterCompat(cp: number, ch: string): string {
  const letter = LETTERS.get(cp);
  if (letter !== undefined) return letter;
  const lower = ch.toLowerCase();
  // Simple case folding only: a lowercase that grows (İ → i̇) would shift offsets for no search benefit.
  return [...lower].length === 1 ? lower : ch;
}

function foldOne(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return foldBeforeCompat(cp, ch) ?? foldAfterCompat(cp, ch);
}

/** The full rule for one code point: quotes, marks and spaces; then NFKC; then letter folds on its result. */
function foldCodePoint(cp: number): string {
  const ch = String.fromCodePoint(cp);
  const early = foldBeforeCompat(cp, ch);
  if (early !== undefined) return early;
  const compat = ch.normalize('NFKC');
  if (compat === ch) return foldAfterCompat(cp, ch);
  const parts = [...compat];
  const folded = parts.map((c) => foldOne(c.codePointAt(0) ?? 0));
  // Spacing forms of marks (ﹰ U+FE70, ﱞ U+FC5E, ¨) decompose to a space plus a mark; a mark must not become
  // a word break, so that space is dropped.
  if (folded.length > 1 && folded[0] === ' ' && MARK.test(parts[1] ?? '')) folded.shift();
  return folded.join('');
}

const table = new Int32Array(0x10000).fill(UNKNOWN);
const expansions = new Map<number, string>();
const astral = new Map<number, string | null>();

function learn(unit: number): number {
  let code: number;
  if (unit >= 0xd800 && unit <= 0xdfff) {
    code = SURROGATE;
  } else {
    const folded = foldCodePoint(unit);
    if (folded.length === 0) code = REMOVE;
    else if (folded.length === 1) code = folded.charCodeAt(0);
    else {
      expansions.set(unit, folded);
      code = EXPAND;
    }
  }
  table[unit] = code;
  return code;
}

/** A UTF-16 code unit's fold: a code unit (≥ 0), REMOVE, EXPAND or SURROGATE. */
export function foldUnit(unit: number): number {
  const code = table[unit] ?? UNKNOWN;
  return code === UNKNOWN ? learn(unit) : code;
}

/** The characters an EXPAND code unit becomes. */
export function expansionOf(unit: number): string {
  return expansions.get(unit) ?? '';
}

/** The fold of a code point above U+FFFF, or null when it stays as it is (the common case: emoji). */
export function foldAstral(cp: number): string | null {
  let folded = astral.get(cp);
  if (folded === undefined) {
    const result = foldCodePoint(cp);
    folded = result === String.fromCodePoint(cp) ? null : result;
    astral.set(cp, folded);
  }
  return folded;
}
