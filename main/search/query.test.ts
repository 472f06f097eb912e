import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../text';
import { findInText } from './find-in-text';
import { MAX_QUERY_LENGTH, isEmptyQuery, parseQuery, queryNeedles } from './query';

describe('parseQuery', () => {
  it('normalises words and keeps them in typed order, once each', () => {
    const query = parseQuery('إسلام  نُفّذت إسلام');
    expect(query.words).toEqual(['اسلام', 'نفذت']);
    expect(query.phrases).toEqual([]);
  });

  it('reads text between double quotes of any style as a phrase', () => {
    for (const raw of ['"الحرب على طرابلس"', '«الحرب على طرابلس»', '“الحرب على طرابلس”']) {
      expect(parseQuery(raw).phrases).toEqual([
        { text: 'الحرب علي طرابلس', words: ['الحرب', 'علي', 'طرابلس'] },
      ]);
    }
  });

  it('collapses the whitespace inside a phrase and trims it', () => {
    expect(parseQuery('"  الحرب \t على  "').phrases[0]?.text).toBe('الحرب علي');
  });

  it('treats the rest of the query after an unpaired quote as a phrase', () => {
    const query = parseQuery('سرت "الحرب على');
    expect(query.words).toEqual(['سرت']);
    expect(query.phrases.map((phrase) => phrase.text)).toEqual(['الحرب علي']);
  });

  it('keeps punctuation inside an unquoted chunk as a small phrase', () => {
    expect(parseQuery('U.S. 19:30').phrases.map((phrase) => phrase.text)).toEqual(['u.s', '19:30']);
  });

  it('drops punctuation at the edges of a word', () => {
    expect(parseQuery('(سرت)، «ليبيا».').words).toEqual(['سرت']);
  });

  it('stems every word when asked', () => {
    expect(parseQuery('الأفريكوم "والبحث العلمي"', { stem: true })).toMatchObject({
      stem: true,
      words: ['افريكوم'],
      phrases: [{ text: 'بحث علمي' }],
    });
  });

  it('lists words then phrases as the needles to find', () => {
    expect(queryNeedles(parseQuery('"الحرب على" سرت'))).toEqual(['سرت', 'الحرب علي']);
  });
});

describe('parseQuery on bad input', () => {
  it.each([
    ['empty', ''],
    ['only spaces', ' \t\n '],
    ['only harakat', 'َُِّْ'],
    ['only tatweel and harakat', 'ـــَـ'],
    ['only punctuation', '،؛؟!...—'],
    ['only regex metacharacters', '.*( ) [ ] ^$ \\ + ?'],
    ['only quotes', '"" " "'],
    ['an unpaired quote alone', '"'],
    ['only invisible controls', '\u200F\u202B\u2066\u200D'],
  ])('returns an empty query for %s', (_name, raw) => {
    const query = parseQuery(raw);
    expect(isEmptyQuery(query)).toBe(true);
    expect(findInText(normalizeArabic('نص فيه كلمات "" .*('), query)).toEqual([]);
  });

  it(`honours only the first ${MAX_QUERY_LENGTH} characters of a 10,000-character query`, () => {
    const raw = 'كلمة '.repeat(2000);
    const query = parseQuery(raw);
    expect(query.truncated).toBe(true);
    expect(query.raw).toHaveLength(MAX_QUERY_LENGTH);
    expect(query.words).toEqual(['كلمه']);
  });

  // How long this takes is a figure of `npm run bench` (search table), not an assertion here.
  it('keeps at most one word per two characters of a 10,000-character query of distinct words', () => {
    const raw = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const query = parseQuery(raw);
    expect(query.truncated).toBe(true);
    expect(query.words.length).toBeGreaterThan(0);
    expect(query.words.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH / 2);
  });

  it('does not cut a surrogate pair in half at the limit', () => {
    const query = parseQuery(`${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀`);
    expect(query.raw).toBe('a'.repeat(MAX_QUERY_LENGTH - 1));
  });

  it('is not truncated below the limit', () => {
    expect(parseQuery('سرت').truncated).toBe(false);
  });
});
