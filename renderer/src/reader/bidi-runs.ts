/**
 * Left-to-right runs inside right-to-left text — Latin words, handles, URLs and the numbers and punctuation
 * among them — found so that the reader can isolate each (`<bdi dir="ltr">`). Isolated, a run such as
 * `US AFRICOM (@USAfricaCommand) September 30, 2019` keeps its order and never reorders the Arabic around it.
 * Only characters are examined; the text itself is not changed, so offsets stay as they are.
 */

// Characters are told apart by their code points, not by a regular expression per character: the first
// screen and the reader run this over every block they draw, and testing each character with /u
// expressions cost the default article's first screen ~2 ms (docs/ARCHITECTURE.md, "Opening fast").

/** Hebrew, Arabic, Syriac, Thaana, NKo and the Arabic presentation forms: the right-to-left scripts' letters. */
const isRtl = (cp: number): boolean =>
  (cp >= 0x0590 && cp <= 0x08ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);

/** Western, Arabic-Indic and Persian digits. */
const isDigit = (cp: number): boolean =>
  (cp >= 0x30 && cp <= 0x39) || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9);

const LETTER = /\p{L}/u;

/** A letter of a left-to-right script: ASCII decided at once, the rest by Unicode's letter class. */
function isLtrLetter(cp: number): boolean {
  if (cp < 0x80) return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a;
  return !isRtl(cp) && LETTER.test(String.fromCodePoint(cp));
}

/**
 * Any left-to-right letter (a letter outside `isRtl`'s ranges, written again here as a class) in a text:
 * without one there is no run, which most Arabic blocks show at once. One table for both cost mixed text
 * 6× its time (a `some` over the ranges for each character).
 */
const LTR_LETTER_ANYWHERE = /[^\P{L}\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** The brackets and quotes a run may take with it: each opener with its closer. */
export const OPENING: Readonly<Record<string, string>> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '<': '>',
  '“': '”',
  '"': '"',
  "'": "'",
};
// Characters that may end a run: letters, digits, and these closers when their opener is in the run.
const OPENER_OF = new Map(Object.entries(OPENING).map(([opener, closer]) => [closer, opener]));

export type Run = { start: number; end: number };

/**
 * The maximal runs that begin with a left-to-right letter (or `@`/`#` before one) and hold no RTL letter,
 * as UTF-16 offsets.
 */
export function ltrRuns(text: string): Run[] {
  const first = text.search(LTR_LETTER_ANYWHERE);
  if (first < 0) return [];
  const runs: Run[] = [];
  const at = (index: number) => text.codePointAt(index) ?? 0;
  const width = (cp: number) => (cp > 0xffff ? 2 : 1);
  // A run starts at the first such letter, or at a handle's sign just before it.
  let i = Math.max(0, first - 1);
  while (i < text.length) {
    const cp = at(i);
    const startsHandle = (cp === 0x40 || cp === 0x23) && i + 1 < text.length && isLtrLetter(at(i + 1));
    if (!isLtrLetter(cp) && !startsHandle) {
      i += width(cp);
      continue;
    }
    let start = i;
    let end = i + width(cp);
    let afterStrong = end;
    while (end < text.length) {
      const c = at(end);
      if (isRtl(c)) break;
      end += width(c);
      if (isLtrLetter(c) || isDigit(c)) afterStrong = end;
    }
    end = afterStrong;
    // Keep a closing bracket whose opener is inside the run, and an opener just before the run whose closer is.
    const opener = OPENER_OF.get(text[end] ?? '');
    if (opener !== undefined) {
      const inside = text.indexOf(opener, start);
      if (inside >= 0 && inside < end) end++;
      else if (text[start - 1] === opener) {
        start--;
        end++;
      }
    }
    runs.push({ start, end });
    i = end;
  }
  return runs;
}
