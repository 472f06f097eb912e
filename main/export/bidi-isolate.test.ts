import { describe, expect, it } from 'vitest';
import { isolateLeadingLatin, leadingLatinRun } from './bidi-isolate';

const FSI = '\u2068';
const PDI = '\u2069';

describe('isolateLeadingLatin', () => {
  it.each([
    ['an Arabic line', 'تقرير الأفريكوم عن ليبيا', 'تقرير الأفريكوم عن ليبيا'],
    ['an English line', 'Readwise reads this file', 'Readwise reads this file'],
    ['a line opening with an English word', 'Readwise يقرأ الملف', `${FSI}Readwise${PDI} يقرأ الملف`],
    ['several English words before the Arabic', 'AFRICOM said: أكدت', `${FSI}AFRICOM said${PDI}: أكدت`],
    ['a list item opening in English', '- Obsidian يعرض الوسوم', `- ${FSI}Obsidian${PDI} يعرض الوسوم`],
    ['digits before Arabic (weak, no isolate needed)', '2019 عام الحرب', '2019 عام الحرب'],
    ['a line with its own bidi controls', '\u200FReadwise يقرأ', '\u200FReadwise يقرأ'],
    ['a link opening in English', '[Readwise](x) يقرأ', '[Readwise](x) يقرأ'],
    ['a tag opening in English', '#Readwise يقرأ', '#Readwise يقرأ'],
  ])('%s', (_name, line, expected) => {
    expect(isolateLeadingLatin(line)).toBe(expected);
  });

  it('never writes a left-to-right mark', () => {
    expect(isolateLeadingLatin('Readwise يقرأ')).not.toContain('\u200E');
  });
});

describe('leadingLatinRun', () => {
  it('counts UTF-16 units, so a Latin run after an emoji is found where it is', () => {
    expect(leadingLatinRun('😀 Hamish هامش')).toEqual({ start: 3, end: 9 });
  });
});
