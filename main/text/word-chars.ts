/**
 * Which characters belong to words: letters, digits and marks (`\p{L}\p{N}\p{M}`). Decided once per code
 * unit and remembered, so tokenising a long article does not run a Unicode regex per character.
 */

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const UNKNOWN = 0;
const YES = 1;
const NO = 2;

const table = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();

/** True when the code point is a letter, digit or mark. */
export function isWordCodePoint(cp: number): boolean {
  if (cp > 0xffff) {
    let known = astral.get(cp);
    if (known === undefined) {
      known = WORD.test(String.fromCodePoint(cp));
      astral.set(cp, known);
    }
    return known;
  }
  let known = table[cp] ?? UNKNOWN;
  if (known === UNKNOWN) {
    // A lone surrogate is not a character at all, so it never joins a word.
    known = cp < 0xd800 || cp > 0xdfff ? (WORD.test(String.fromCharCode(cp)) ? YES : NO) : NO;
    table[cp] = known;
  }
  return known === YES;
}

/** The code point starting at `index` and how many code units it spans (2 for a surrogate pair). */
export function codePointAt(text: string, index: number): { cp: number; size: number } {
  const cp = text.codePointAt(index) ?? 0;
  return { cp, size: cp > 0xffff ? 2 : 1 };
}
