import { describe, expect, it } from 'vitest';
import { ltrRuns, OPENING } from './bidi-runs';

const runsOf = (text: string) => ltrRuns(text).map((r) => text.slice(r.start, r.end));

describe('left-to-right runs in Arabic text', () => {
  it('keeps a Latin phrase with a handle, brackets, a date and a comma as one run', () => {
    expect(runsOf('قالت القيادة US AFRICOM (@USAfricaCommand) September 30, 2019 في بيان')).toEqual([
      'US AFRICOM (@USAfricaCommand) September 30, 2019',
    ]);
  });

  it('takes a bracketed word with its brackets', () => {
    expect(runsOf('بحسب وكالة (Reuters) للأنباء')).toEqual(['(Reuters)']);
  });

  it('leaves the space and punctuation after a run to the Arabic', () => {
    expect(runsOf('زار Tripoli، ثم غادر')).toEqual(['Tripoli']);
  });

  it('finds URLs and hashtags', () => {
    expect(runsOf('راجع https://example.org/a?b=1 و #Libya اليوم')).toEqual([
      'https://example.org/a?b=1',
      '#Libya',
    ]);
  });

  it('leaves Arabic numbers and dates alone', () => {
    expect(runsOf('مساء الأحد الموافق لــ27-10-2019 مقتل')).toEqual([]);
    expect(runsOf('قتل ١٩ عنصرا')).toEqual([]);
  });

  it('handles Latin text that contains its own RTL characters by splitting at them', () => {
    expect(runsOf('word عربي word2')).toEqual(['word', 'word2']);
  });

  it('returns nothing for text without Latin letters, and handles an empty string', () => {
    expect(runsOf('نص عربي خالص.')).toEqual([]);
    expect(runsOf('')).toEqual([]);
  });

  it('takes an opener before a run whose closer ends it, and a closer whose opener is inside', () => {
    expect(runsOf('قال "Reuters" أمس')).toEqual(['"Reuters"']);
    expect(runsOf('انظر f(x) هنا')).toEqual(['f(x)']);
    expect(runsOf('“BBC” نقلت')).toEqual(['“BBC”']);
  });

  it('counts offsets in UTF-16 units around astral characters', () => {
    const text = 'نص 😀 emoji 𝐀 end';
    for (const run of ltrRuns(text)) expect(text.slice(run.start, run.end)).toMatch(/^[\p{L}\p{N}@#(]/u);
  });

  it('finds the same runs as the rule read character by character, over random mixed text', () => {
    // The alphabet mixes what the rule tells apart: Arabic and Hebrew letters, Latin and accented letters,
    // Arabic-Indic and Western digits, handles' signs, every opener and closer, spaces, Arabic punctuation,
    // astral letters and symbols, and a lone surrogate.
    const alphabet = [...'ابجد١٢٣۴שלוםabcXYZéñß019@#()[]{}<>“”"\' ،؛.,-/:'].concat([
      '𝐀',
      '😀',
      '\ud800',
      '\u00a0',
    ]);
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let sample = 0; sample < 3000; sample++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(ltrRuns(text), JSON.stringify(text)).toEqual(referenceRuns(text));
    }
  });
});

/** The rule as first written, one character at a time with a regular expression each: the yardstick. */
function referenceRuns(text: string): { start: number; end: number }[] {
  const rtl = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
  const letter = (ch: string) => /[\p{L}]/u.test(ch) && !rtl.test(ch);
  const digit = /[0-9\u0660-\u0669\u06F0-\u06F9]/u;
  const chars = [...text];
  const offsets = [0];
  for (const ch of chars) offsets.push((offsets.at(-1) ?? 0) + ch.length);
  const runs: { start: number; end: number }[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    const startsHandle = (ch === '@' || ch === '#') && letter(chars[i + 1] ?? '');
    if (!letter(ch) && !startsHandle) {
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    let lastStrong = i;
    while (end < chars.length && !rtl.test(chars[end] ?? '')) {
      const c = chars[end] ?? '';
      if (letter(c) || digit.test(c)) lastStrong = end;
      end++;
    }
    end = lastStrong + 1;
    const inside = chars.slice(start, end).join('');
    const next = chars[end] ?? '';
    const opener = Object.keys(OPENING).find((o) => OPENING[o] === next);
    if (opener && inside.includes(opener)) end++;
    else if (opener && chars[start - 1] === opener) {
      start--;
      end++;
    }
    runs.push({ start: offsets[start] ?? 0, end: offsets[end] ?? text.length });
    i = end;
  }
  return runs;
}
