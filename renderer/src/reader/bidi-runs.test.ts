import { describe, expect, it } from 'vitest';
import { ltrRuns } from './bidi-runs';

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

  it('counts offsets in UTF-16 units around astral characters', () => {
    const text = 'نص 😀 emoji 𝐀 end';
    for (const run of ltrRuns(text)) expect(text.slice(run.start, run.end)).toMatch(/^[\p{L}\p{N}@#(]/u);
  });
});
