/**
 * Left-to-right runs inside right-to-left text — Latin words, handles, URLs and the numbers and punctuation
 * among them — found so that the reader can isolate each (`<bdi dir="ltr">`). Isolated, a run such as
 * `US AFRICOM (@USAfricaCommand) September 30, 2019` keeps its order and never reorders the Arabic around it.
 * Only characters are examined; the text itself is not changed, so offsets stay as they are.
 */

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR_LETTER = /[\p{L}]/u;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/u;
const OPENING: Record<string, string> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '<': '>',
  '“': '”',
  '"': '"',
  "'": "'",
};
// Characters that may end a run: letters, digits, and these closers when their opener is in the run.
const CLOSERS = new Set(Object.values(OPENING));

function isLtrLetter(ch: string): boolean {
  return LTR_LETTER.test(ch) && !RTL.test(ch);
}

export type Run = { start: number; end: number };

/** The maximal runs that begin with a left-to-right letter (or `@`/`#` before one) and hold no RTL letter. */
export function ltrRuns(text: string): Run[] {
  const runs: Run[] = [];
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const ch of chars) {
    offsets.push(offset);
    offset += ch.length;
  }
  offsets.push(offset);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    const startsHandle = (ch === '@' || ch === '#') && isLtrLetter(chars[i + 1] ?? '');
    if (!isLtrLetter(ch) && !startsHandle) {
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    let lastStrong = i;
    while (end < chars.length && !RTL.test(chars[end] ?? '')) {
      const c = chars[end] ?? '';
      if (isLtrLetter(c) || DIGIT.test(c)) lastStrong = end;
      end++;
    }
    end = lastStrong + 1;
    // Keep a closing bracket whose opener is inside the run, and an opener just before the run whose closer is.
    const inside = chars.slice(start, end).join('');
    const next = chars[end] ?? '';
    if (CLOSERS.has(next)) {
      const opener = Object.keys(OPENING).find((o) => OPENING[o] === next);
      const before = chars[start - 1] ?? '';
      if (opener && inside.includes(opener)) end++;
      else if (opener && before === opener) {
        start--;
        end++;
      }
    }
    runs.push({ start: offsets[start] ?? 0, end: offsets[end] ?? offset });
    i = end;
  }
  return runs;
}
