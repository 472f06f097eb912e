import { describe, expect, it } from 'vitest';
import { blockDirection, detectLanguage, withBlockDirections } from './language';
import type { Block } from '../../shared/article-model';

describe('detectLanguage', () => {
  it.each([
    [
      'Arabic',
      'أعلنت الحكومة الليبية اليوم عن خطة جديدة لإصلاح قطاع التعليم في المناطق الريفية.',
      'ar',
      'rtl',
    ],
    ['Persian', 'این کتاب را دیروز از کتابفروشی خریدم و امروز آن را به دوستم دادم.', 'fa', 'rtl'],
    ['Urdu', 'میں نے کل بازار سے ایک کتاب خریدی اور آج اسے اپنے دوست کو دے دیا۔', 'ur', 'rtl'],
    ['Hebrew', 'הספר הזה נקנה אתמול בחנות הספרים ליד התחנה.', 'he', 'rtl'],
    ['English', 'The book was bought yesterday at the bookshop near the station.', 'en', 'ltr'],
    ['no letters', '27-10-2019 — 150 ١٥٠ !؟', 'und', 'ltr'],
    ['empty text', '', 'und', 'ltr'],
  ])('reads %s', (_name, text, lang, dir) => {
    expect(detectLanguage(text)).toEqual({ lang, dir });
  });

  it('reads an Arabic article with a few English words as Arabic', () => {
    const text =
      'قال المتحدث باسم القيادة الأمريكية في أفريقيا (AFRICOM) إن العمليات ستستمر في الجنوب الليبي.';
    expect(detectLanguage(text)).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('keeps Arabic typed on a Persian keyboard (ی and ک) as Arabic', () => {
    const text = 'قالت الحکومة الإیرانیة إن المفاوضات مستمرة في العاصمة طهران';
    expect(detectLanguage(text)).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('keeps an Arabic text that mentions a Persian name as Arabic', () => {
    const text =
      'وصل الوزير العماني إلى طهران قادما من مسقط، والتقى نظيره الإيراني پرویز في مكتبه حيث بحثا العلاقات بين البلدين الجارين وسبل تعزيز التعاون في مجالات النفط والنقل والاستثمار.';
    expect(detectLanguage(text)).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('reads a text in another right-to-left script as undetermined but right to left', () => {
    expect(detectLanguage('ܫܠܡܐ ܥܠܡܐ')).toEqual({ lang: 'und', dir: 'rtl' });
  });
});

describe('blockDirection', () => {
  it.each([
    ['an Arabic sentence', 'مرحبا بالعالم', 'rtl'],
    ['an English sentence', 'Hello world', 'ltr'],
    ['digits before an Arabic word', '2019 عام', 'rtl'],
    ['a Latin name before Arabic', 'Google أعلنت', 'ltr'],
    ['a right-to-left mark before Latin', '\u200FHello', 'rtl'],
    ['Hebrew', 'שלום', 'rtl'],
  ])('gives the direction of the first strong letter: %s', (_name, text, dir) => {
    expect(blockDirection(text)).toBe(dir);
  });

  it('returns null when there is no strong letter', () => {
    expect(blockDirection('27-10-2019 ١٢٣ — !')).toBeNull();
    expect(blockDirection('ـــ')).toBeNull();
  });
});

describe('withBlockDirections', () => {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'مقابلة مع الكاتب' },
    { kind: 'paragraph', text: 'Google أعلنت اليوم عن إطلاق خدمة جديدة في المنطقة العربية.' },
    { kind: 'quote', text: 'Reading is to the mind what exercise is to the body, قال الكاتب.' },
    { kind: 'paragraph', text: '2019' },
  ];

  it('marks only the blocks written in the other direction than the article', () => {
    expect(withBlockDirections(blocks, 'rtl')).toEqual([
      { kind: 'heading', level: 1, text: 'مقابلة مع الكاتب' },
      { kind: 'paragraph', text: 'Google أعلنت اليوم عن إطلاق خدمة جديدة في المنطقة العربية.' },
      { kind: 'quote', text: 'Reading is to the mind what exercise is to the body, قال الكاتب.', dir: 'ltr' },
      { kind: 'paragraph', text: '2019' },
    ]);
  });

  it('marks the Arabic blocks of a left-to-right article', () => {
    expect(withBlockDirections(blocks, 'ltr').map((block) => block.dir)).toEqual([
      'rtl',
      'rtl',
      undefined,
      undefined,
    ]);
  });

  it('returns new blocks and recomputes a stale dir', () => {
    const stale: Block[] = [{ kind: 'paragraph', text: 'نص عربي', dir: 'ltr' }];
    const result = withBlockDirections(stale, 'rtl');
    expect(result).toEqual([{ kind: 'paragraph', text: 'نص عربي' }]);
    expect(result[0]).not.toBe(stale[0]);
    expect(stale[0]?.dir).toBe('ltr');
  });
});
