import { describe, expect, it } from 'vitest';
import { normalizeArabic, toOriginalSpan, tokenize } from './arabic';

type Rule = { rule: string; input: string; expected: string };

const RULES: Rule[] = [
  {
    rule: 'NFKC turns initial and medial presentation forms into letters',
    input: 'رواﺋﻴﺎت',
    expected: 'رواءيات',
  },
  { rule: 'NFKC expands the lam-alef ligature ﻻ', input: 'ﻻ', expected: 'لا' },
  { rule: 'NFKC expands ﻵ, then its آ folds to ا', input: 'ﻵ', expected: 'لا' },
  {
    rule: 'removes fathatan, damma, kasra, shadda and sukun',
    input: 'كتابًا نُفّذتْ بِهِ',
    expected: 'كتابا نفذت به',
  },
  {
    rule: 'removes hamza above/below and maddah as marks (U+0653–0655)',
    input: 'ا\u0653ب\u0655',
    expected: 'اب',
  },
  { rule: 'removes superscript alef U+0670', input: 'هٰذا', expected: 'هذا' },
  { rule: 'removes tatweel', input: 'الـرغـــم', expected: 'الرغم' },
  { rule: 'removes Quranic annotation marks', input: 'الرَّحِيمِ\u06D6', expected: 'الرحيم' },
  {
    rule: 'removes zero-width and joiner controls U+200B–U+200D',
    input: 'می\u200Cخواهم\u200B\u200D',
    expected: 'ميخواهم',
  },
  { rule: 'removes LRM, RLM and the Arabic letter mark', input: '\u200Eسرت\u200F\u061C', expected: 'سرت' },
  {
    rule: 'removes bidi embeddings and overrides',
    input: '\u202Bشارع\u202C \u202Aabc\u202E\u202D',
    expected: 'شارع abc',
  },
  {
    rule: 'removes bidi isolates',
    input: '\u2067طرابلس\u2069 \u2066NATO\u2068\u2069',
    expected: 'طرابلس nato',
  },
  { rule: 'removes the BOM / U+FEFF', input: '\uFEFFليبيا', expected: 'ليبيا' },
  { rule: 'folds أ إ آ ٱ to ا', input: 'أ إ آ ٱ', expected: 'ا ا ا ا' },
  { rule: 'folds alef maqsura ى to ي', input: 'على', expected: 'علي' },
  { rule: 'folds ta marbuta ة to ه', input: 'مدينة', expected: 'مدينه' },
  { rule: 'seats of hamza: ؤ and ئ both become ء', input: 'ؤ ئ ء', expected: 'ء ء ء' },
  {
    rule: 'a combining hamza above on ي or و seats like the precomposed form',
    input: 'ي\u0654 و\u0654',
    expected: 'ء ء',
  },
  { rule: 'folds Persian yeh ی and keheh ک', input: 'یک', expected: 'يك' },
  { rule: 'folds Arabic-Indic digits to ASCII', input: '٠١٢٣٤٥٦٧٨٩', expected: '0123456789' },
  { rule: 'folds Persian digits to ASCII', input: '۰۱۲۳۴۵۶۷۸۹', expected: '0123456789' },
  { rule: 'lowercases Latin (simple case folding)', input: 'AFRICOM Ärzte ẞ', expected: 'africom ärzte ß' },
  { rule: 'keeps a letter whose lowercase would grow (İ → i̇)', input: 'İ', expected: 'İ' },
  { rule: 'collapses every whitespace run to one space', input: 'a \t\n\n\u00A0\u2003b', expected: 'a b' },
  { rule: 'keeps one space at either end', input: '  سرت  ', expected: ' سرت ' },
  {
    rule: 'collapses spaces that only invisible controls separated',
    input: 'a \u200F \u202B b',
    expected: 'a b',
  },
  { rule: 'double quote marks become "', input: '“”„‟«»″"', expected: '""""""""' },
  { rule: "single quote marks become '", input: "‘’‚‛‹›'", expected: "'''''''" },
  { rule: 'NFKC: ﷲ expands to four letters', input: 'ﷲ', expected: 'الله' },
  { rule: 'NFKC: ﷺ expands to four words (spaces included)', input: 'ﷺ', expected: 'صلي الله عليه وسلم' },
  {
    rule: 'NFKC: spacing forms of harakat vanish instead of becoming spaces',
    input: 'كتب ﹰﹶ ﱞx',
    expected: 'كتب x',
  },
  { rule: 'NFKC: the ellipsis becomes three dots', input: '…', expected: '...' },
  {
    rule: 'NFKC: Latin ligatures, superscripts, full-width and Roman numerals',
    input: 'ﬁ x² Ａ Ⅻ',
    expected: 'fi x2 a xii',
  },
  { rule: 'NFKC: mathematical letters outside the BMP', input: '𝐀𝐁', expected: 'ab' },
  { rule: 'keeps emoji and a lone surrogate as they are', input: '😀 \uD800', expected: '😀 \uD800' },
];

describe('normalizeArabic rules', () => {
  it.each(RULES)('$rule', ({ input, expected }) => {
    const norm = normalizeArabic(input);
    expect(norm.text).toBe(expected);
    expect(norm.map).toHaveLength(norm.text.length);
  });
});

describe('normalizeArabic offset map', () => {
  it('points every kept character at its original index', () => {
    expect(Array.from(normalizeArabic('الـرغـم').map)).toEqual([0, 1, 3, 4, 6]);
    expect(Array.from(normalizeArabic('نُفّذت').map)).toEqual([0, 2, 4, 5]);
  });

  it('maps both letters of a ligature to the ligature', () => {
    expect(Array.from(normalizeArabic('ﺑﻼد').map)).toEqual([0, 1, 1, 2]);
  });

  it('maps every character of a multi-word ligature to the one original character', () => {
    const norm = normalizeArabic('قال ﷺ:');
    expect(norm.map).toHaveLength(norm.text.length);
    expect(new Set(Array.from(norm.map).slice(4, -1))).toEqual(new Set([4]));
  });

  it('maps a collapsed whitespace run to its first character', () => {
    expect(Array.from(normalizeArabic('a \n\tb').map)).toEqual([0, 1, 4]);
  });

  it('maps an astral character that NFKC shortens to its high surrogate', () => {
    expect(Array.from(normalizeArabic('x𝐀y').map)).toEqual([0, 1, 3]);
  });
});

type Find = { name: string; query: string; text: string; expected: string; stem?: boolean };

const FINDS: Find[] = [
  { name: 'الرغم finds الـرغـم', query: 'الرغم', text: 'وعلى الـرغـم من ذلك', expected: 'الـرغـم' },
  { name: 'روائيات finds رواﺋﻴﺎت', query: 'روائيات', text: 'كتبت رواﺋﻴﺎت كثيرة', expected: 'رواﺋﻴﺎت' },
  { name: 'نفذت finds نُفّذت', query: 'نفذت', text: 'ثم نُفّذت الخطة', expected: 'نُفّذت' },
  { name: 'اسلام finds إسلام', query: 'اسلام', text: 'تاريخ إسلام مبكر', expected: 'إسلام' },
  { name: '19 finds ١٩', query: '19', text: 'قتل ١٩ عنصرا', expected: '١٩' },
  { name: 'مسئول finds مسؤول', query: 'مسئول', text: 'قال مسؤول أمريكي', expected: 'مسؤول' },
  { name: 'مسؤول finds مسئول', query: 'مسؤول', text: 'قال مسئول أمريكي', expected: 'مسئول' },
  {
    name: 'a hit covers the harakat after its last letter',
    query: 'كتب',
    text: 'هو كَتَبَ الرسالة',
    expected: 'كَتَبَ',
  },
  { name: 'a hit covers trailing tatweel', query: 'لا', text: 'قال لاـــ ثم', expected: 'لاـــ' },
  { name: 'a hit inside a ligature covers the whole ligature', query: 'ل', text: 'ﺑﻼد', expected: 'ﻼ' },
  {
    name: 'الأفريكوم finds أفريكوم with stemming',
    query: 'الأفريكوم',
    text: 'قيادة أفريكوم',
    expected: 'أفريكوم',
    stem: true,
  },
];

function find({ query, text, stem }: Find): string | undefined {
  const needle = normalizeArabic(query, { stem }).text;
  const haystack = normalizeArabic(text, { stem });
  const at = haystack.text.indexOf(needle);
  if (at < 0 || needle.length === 0) return undefined;
  const span = toOriginalSpan(haystack, at, at + needle.length);
  return text.slice(span.start, span.end);
}

describe('finding a query in normalised text', () => {
  it.each(FINDS)('$name, and maps the hit back to exactly those characters', (row) => {
    expect(find(row)).toBe(row.expected);
  });

  it('does not find أفريكوم from الأفريكوم without stemming', () => {
    expect(find({ name: '', query: 'الأفريكوم', text: 'قيادة أفريكوم', expected: '' })).toBeUndefined();
  });

  it('finds the same words whichever hamza seat was used, on both sides', () => {
    expect(normalizeArabic('مسئول شئون').text).toBe(normalizeArabic('مسؤول شؤون').text);
  });
});

describe('toOriginalSpan', () => {
  it('widens a span that starts on a kept combining mark to its whole grapheme cluster', () => {
    const norm = normalizeArabic('e\u0301te');
    expect(toOriginalSpan(norm, 1, 3)).toEqual({ start: 0, end: 3 });
  });

  it('never splits a surrogate pair', () => {
    const norm = normalizeArabic('a😀b');
    expect(toOriginalSpan(norm, 1, 2)).toEqual({ start: 1, end: 3 });
  });

  it('rejects an empty or out-of-range span', () => {
    const norm = normalizeArabic('سرت');
    expect(() => toOriginalSpan(norm, 1, 1)).toThrow(RangeError);
    expect(() => toOriginalSpan(norm, 2, 4)).toThrow(RangeError);
  });
});

const STEMS: [string, string][] = [
  ['الأفريكوم', 'افريكوم'],
  ['والبحث', 'بحث'],
  ['فالقوات', 'قوات'],
  ['بالدفاع', 'دفاع'],
  ['كالعادة', 'عاده'],
  ['للعناصر', 'عناصر'],
  ['وقتل', 'قتل'],
  ['فإن', 'فان'], // a single letter needs three letters left
  ['بيت', 'بيت'],
  ['ال', 'ال'],
  ['الف', 'الف'], // a two-letter prefix needs two letters left
  ['اليوم', 'يوم'],
];

describe('light stemming', () => {
  it.each(STEMS)('stems %s to %s', (word, stem) => {
    expect(normalizeArabic(word, { stem: true }).text).toBe(stem);
  });

  it('keeps the map pointing at the kept letters', () => {
    const norm = normalizeArabic('في الأفريكوم', { stem: true });
    expect(norm.text).toBe('في افريكوم');
    expect(Array.from(norm.map)).toEqual([0, 1, 2, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('is off by default', () => {
    expect(normalizeArabic('والبحث').text).toBe('والبحث');
  });
});

describe('tokenize', () => {
  it('splits on everything that is not a letter or digit, with offsets', () => {
    const text = normalizeArabic('قتل ١٩ عنصرًا، في «غارتين»!').text;
    expect(tokenize(text)).toEqual([
      { term: 'قتل', start: 0, end: 3 },
      { term: '19', start: 4, end: 6 },
      { term: 'عنصرا', start: 7, end: 12 },
      { term: 'في', start: 14, end: 16 },
      { term: 'غارتين', start: 18, end: 24 },
    ]);
  });

  it('keeps a letter outside the BMP inside its word', () => {
    expect(tokenize('x𝔸y z').map((token) => token.term)).toEqual(['x𝔸y', 'z']);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize(' ... ')).toEqual([]);
  });
});
