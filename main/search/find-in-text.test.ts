import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../text';
import { findInText } from './find-in-text';
import { parseQuery } from './query';

/** A query, a text, and the original characters each reported span must cover, in order. */
type Case = { name: string; query: string; text: string; expected: string[]; stem?: boolean };

const MATCHES: Case[] = [
  {
    name: 'الرغم finds الـرغـم (tatweel)',
    query: 'الرغم',
    text: 'وعلى الـرغـم من ذلك',
    expected: ['الـرغـم'],
  },
  {
    name: 'روائيات finds رواﺋﻴﺎت (presentation forms)',
    query: 'روائيات',
    text: 'كتبت رواﺋﻴﺎت كثيرة',
    expected: ['رواﺋﻴﺎت'],
  },
  { name: 'نفذت finds نُفّذت (harakat)', query: 'نفذت', text: 'ثم نُفّذت الخطة', expected: ['نُفّذت'] },
  { name: 'اسلام finds إسلام (hamza below)', query: 'اسلام', text: 'تاريخ إسلام مبكر', expected: ['إسلام'] },
  { name: '19 finds ١٩ (Arabic-Indic digits)', query: '19', text: 'قتل ١٩ عنصرا', expected: ['١٩'] },
  { name: '٢٠١٥ finds 2015', query: '٢٠١٥', text: 'في يونيو 2015', expected: ['2015'] },
  { name: '2015 finds ۲۰۱۵ (Persian digits)', query: '2015', text: 'سال ۲۰۱۵', expected: ['۲۰۱۵'] },
  { name: 'مسئول finds مسؤول', query: 'مسئول', text: 'قال مسؤول أمريكي', expected: ['مسؤول'] },
  { name: 'مسؤول finds مسئول', query: 'مسؤول', text: 'قال مسئول أمريكي', expected: ['مسئول'] },
  { name: 'شؤون finds شئون', query: 'شؤون', text: 'في شئون الدولة', expected: ['شئون'] },
  {
    name: 'مسئول finds a hamza written as ي plus combining hamza',
    query: 'مسئول',
    text: 'قال مسي\u0654ول',
    expected: ['مسي\u0654ول'],
  },
  {
    name: 'الأفريكوم finds أفريكوم with stemming',
    query: 'الأفريكوم',
    text: 'قيادة أفريكوم',
    expected: ['أفريكوم'],
    stem: true,
  },
  {
    name: 'والبحث finds البحث with stemming, without its prefix',
    query: 'والبحث',
    text: 'في البحث',
    expected: ['بحث'],
    stem: true,
  },
  {
    name: 'Latin is case-folded: nato finds NATO',
    query: 'nato',
    text: 'حلف NATO اليوم',
    expected: ['NATO'],
  },
  {
    name: 'Latin is case-folded: AFRICOM finds Africom',
    query: 'AFRICOM',
    text: 'said Africom.',
    expected: ['Africom'],
  },
  { name: 'full-width Latin folds to ASCII', query: 'abc', text: 'x ＡＢＣ y', expected: ['ＡＢＣ'] },
  { name: 'مدينه finds مدينة (ta marbuta)', query: 'مدينه', text: 'مدينة سرت', expected: ['مدينة'] },
  { name: 'مدينة finds مدينه', query: 'مدينة', text: 'مدينه سرت', expected: ['مدينه'] },
  { name: 'على finds علي (alef maqsura)', query: 'على', text: 'قال علي', expected: ['علي'] },
  { name: 'علي finds على', query: 'علي', text: 'الحرب على طرابلس', expected: ['على'] },
  { name: 'القران finds القرآن (madda)', query: 'القران', text: 'سورة من القرآن', expected: ['القرآن'] },
  { name: 'اسم finds ٱسم (hamza wasl)', query: 'اسم', text: 'بِٱسمِ', expected: ['ٱسمِ'] },
  { name: 'انتاج finds إنتاج', query: 'انتاج', text: 'زيادة إنتاج النفط', expected: ['إنتاج'] },
  { name: 'كتاب finds کتاب (Persian keheh)', query: 'كتاب', text: 'این کتاب', expected: ['کتاب'] },
  { name: 'يوم finds یوم (Persian yeh)', query: 'يوم', text: 'هر یوم', expected: ['یوم'] },
  { name: 'a query with harakat finds bare text', query: 'كَتَبَ', text: 'هو كتب الرسالة', expected: ['كتب'] },
  {
    name: 'a query with tatweel finds plain text',
    query: 'الـحـرب',
    text: 'بدأت الحرب',
    expected: ['الحرب'],
  },
  { name: 'هذا finds هٰذا (superscript alef)', query: 'هذا', text: 'هٰذا الكتاب', expected: ['هٰذا'] },
  {
    name: 'a query in presentation forms finds letters',
    query: 'ﻟﻴﺒﻴﺎ',
    text: 'في ليبيا',
    expected: ['ليبيا'],
  },
  { name: 'بلاد finds the lam-alef ligature ﺑﻼد', query: 'بلاد', text: 'في ﺑﻼد بعيدة', expected: ['ﺑﻼد'] },
  {
    name: 'a bidi mark inside a word is skipped',
    query: 'سرت',
    text: 'في س\u200Fرت',
    expected: ['س\u200Fرت'],
  },
  {
    name: 'a ZWNJ inside a word is skipped',
    query: 'ميخواهم',
    text: 'من می\u200Cخواهم',
    expected: ['می\u200Cخواهم'],
  },
  {
    name: 'a hit covers the harakat after its last letter',
    query: 'كتب',
    text: 'هو كَتَبَ الرسالة',
    expected: ['كَتَبَ'],
  },
  {
    name: 'a fully vocalised Quranic word',
    query: 'الرحمن',
    text: 'بِسْمِ اللَّهِ الرَّحْمَٰنِ',
    expected: ['الرَّحْمَٰنِ'],
  },
  {
    name: 'a hit covers a Latin combining accent',
    query: 'cafe',
    text: 'un cafe\u0301 noir',
    expected: ['cafe\u0301'],
  },
  {
    name: 'a word is found inside a longer word',
    query: 'اسلام',
    text: 'الحضارة والإسلامية',
    expected: ['إسلام'],
  },
  { name: 'every occurrence is reported', query: 'سرت', text: 'سرت ثم سرت', expected: ['سرت', 'سرت'] },
  {
    name: 'two words in any order',
    query: 'طرابلس الحرب',
    text: 'الحرب على طرابلس',
    expected: ['الحرب', 'طرابلس'],
  },
  {
    name: 'two words, interleaved occurrences',
    query: 'ثم سرت',
    text: 'سرت ثم سرت',
    expected: ['سرت', 'ثم', 'سرت'],
  },
  {
    name: 'a word inside another query word merges into one span',
    query: 'حرب الحرب',
    text: 'الحرب',
    expected: ['الحرب'],
  },
  {
    name: 'a quoted phrase in order',
    query: '"الحرب على طرابلس"',
    text: 'إن الحرب على طرابلس قد تتيح',
    expected: ['الحرب على طرابلس'],
  },
  {
    name: 'a phrase across a line break and spaces',
    query: '"الحرب على"',
    text: 'الحرب\n  على',
    expected: ['الحرب\n  على'],
  },
  {
    name: 'a phrase over vocalised words',
    query: '"تنظيم الدولة"',
    text: 'هزيمة تنظيمِ الدَّولةِ',
    expected: ['تنظيمِ الدَّولةِ'],
  },
  {
    name: '«» quotes make a phrase, found inside “” quotes',
    query: '«تنظيم الدولة»',
    text: 'فشل “تنظيم الدولة” خلال',
    expected: ['تنظيم الدولة'],
  },
  {
    name: 'an unpaired quote: the rest is a phrase',
    query: '"الحرب على',
    text: 'الحرب على طرابلس',
    expected: ['الحرب على'],
  },
  {
    name: 'a phrase and a word together',
    query: 'سرت "الحرب على"',
    text: 'الحرب على سرت',
    expected: ['الحرب على', 'سرت'],
  },
  { name: 'regex metacharacters are literal', query: 'a.*(b', text: 'x a.*(b y', expected: ['a.*(b'] },
  { name: 'a dot inside a chunk counts (U.S.)', query: 'U.S.', text: 'the U.S. army', expected: ['U.S'] },
  {
    name: 'punctuation at the edges of a word is dropped',
    query: '(سرت)،',
    text: 'مدينة سرت',
    expected: ['سرت'],
  },
  { name: '19:30 finds ١٩:٣٠', query: '19:30', text: 'الساعة ١٩:٣٠ مساء', expected: ['١٩:٣٠'] },
  { name: 'a word next to an emoji', query: 'سرت', text: 'سرت😀', expected: ['سرت'] },
];

const MISSES: Case[] = [
  {
    name: 'الأفريكوم does not find أفريكوم without stemming',
    query: 'الأفريكوم',
    text: 'قيادة أفريكوم',
    expected: [],
  },
  { name: 'a phrase out of order', query: '"طرابلس الحرب"', text: 'الحرب على طرابلس', expected: [] },
  { name: 'a phrase with a word between', query: '"الحرب طرابلس"', text: 'الحرب على طرابلس', expected: [] },
  { name: 'a phrase across punctuation', query: '"الحرب على"', text: 'الحرب، على', expected: [] },
  { name: 'one of two words missing', query: 'الحرب بنغازي', text: 'الحرب على طرابلس', expected: [] },
  { name: 'a dot is not a wildcard', query: 'a.b', text: 'axb', expected: [] },
  { name: 'a star is not a repetition', query: 'a*b', text: 'aab', expected: [] },
  { name: 'an empty query', query: '', text: 'الحرب', expected: [] },
  { name: 'a query of only harakat', query: 'َُِّ', text: 'كَتَبَ', expected: [] },
  { name: 'a query of only punctuation', query: '،؛؟!...', text: 'قال، ثم؟!...', expected: [] },
  { name: 'a query of only regex metacharacters', query: '.*(', text: 'a .*( b', expected: [] },
  { name: 'a query of only quotes', query: '""', text: '"" x', expected: [] },
  { name: 'كتب does not find كتاب', query: 'كتب', text: 'هذا كتاب', expected: [] },
  { name: 'مكتبة does not find مكتبات', query: 'مكتبة', text: 'مكتبات المدينة', expected: [] },
  { name: 'سرت does not find سيرت', query: 'سرت', text: 'سيرت', expected: [] },
  { name: '19 does not find ١٨', query: '19', text: 'قتل ١٨ عنصرا', expected: [] },
  { name: 'a word does not span a line break', query: 'سرتثم', text: 'سرت\nثم', expected: [] },
  { name: 'a query longer than the text', query: 'ابحث', text: 'بحث', expected: [] },
];

function found({ query, text, stem }: Case): string[] {
  const spans = findInText(normalizeArabic(text, { stem }), parseQuery(query, { stem }));
  spans.forEach((span, i) => {
    expect(span.start).toBeLessThan(span.end);
    if (i > 0) expect(span.start).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
  });
  return spans.map((span) => text.slice(span.start, span.end));
}

describe('findInText: queries that must match', () => {
  it.each(MATCHES)('$name, each span on exactly the right characters', (row) => {
    expect(found(row)).toEqual(row.expected);
  });
});

describe('findInText: queries that must not match', () => {
  it.each(MISSES)('$name', (row) => {
    expect(found(row)).toEqual([]);
  });
});

describe('findInText on long text', () => {
  it('reports every occurrence of a one-letter query in document order', () => {
    const text = 'سَرت ﻻ '.repeat(1000);
    const spans = findInText(normalizeArabic(text), parseQuery('ل'));
    expect(spans).toHaveLength(1000);
    expect(spans.every((span) => text.slice(span.start, span.end) === 'ﻻ')).toBe(true);
  });

  it('counts touching occurrences separately', () => {
    expect(found({ name: '', query: 'كتب', text: 'كتبكتب', expected: [] })).toEqual(['كتب', 'كتب']);
  });

  it('reports a match inside an expanded ligature once', () => {
    expect(found({ name: '', query: 'الله عليه', text: 'قال ﷺ', expected: [] })).toEqual(['ﷺ']);
  });
});
