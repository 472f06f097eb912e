import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeSourceText } from './normalize-text';
import { madeTitle, parsePlainText } from './text-import';
import { secondaryKind } from './secondary-lines';
import type { Block } from '../../shared/article-model';

// Five short articles in the shape of real Arabic news pages copied as text (test/fixtures/news/news-*.txt).
const fixture = (name: string) =>
  parsePlainText(
    normalizeSourceText(readFileSync(new URL(`../../test/fixtures/news/${name}`, import.meta.url), 'utf8')),
  );
const headings = (blocks: Block[]) => blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
const secondary = (blocks: Block[]) =>
  blocks.filter((b) => b.secondary !== undefined).map((b) => [b.secondary, b.kind, b.text]);

describe('parsePlainText on real-shaped news pages', () => {
  it('keeps a date line and a «- الرياض: …» byline as small paragraphs, never headings', () => {
    const { title, blocks } = fixture('news-dateline-byline.txt');
    expect(title).toBe('السعودية تطلق برنامجا لتأهيل المعلمين في المناطق النائية');
    expect(headings(blocks)).toEqual([title, 'أهداف البرنامج']);
    expect(secondary(blocks)).toEqual([
      ['dateline', 'paragraph', '29-9-2017 | 02:57'],
      ['byline', 'paragraph', '- الرياض: واس'],
    ]);
  });

  it('keeps «بقلم: …» and «كتب: …» bylines as paragraphs, even before running text', () => {
    const { blocks } = fixture('news-byline-words.txt');
    expect(headings(blocks)).toEqual(['أزمة المياه في حوض النيل تعود إلى الواجهة']);
    expect(secondary(blocks)).toEqual([
      ['byline', 'paragraph', 'بقلم: أحمد الشريف'],
      ['byline', 'paragraph', 'كتب: محمد عبد الله'],
    ]);
  });

  it('keeps a tweet attribution «— US AFRICOM …» and «المصدر: …» as paragraphs', () => {
    const { blocks } = fixture('news-tweet-attribution.txt');
    expect(headings(blocks)).toEqual(['الأفريكوم تعلن مقتل عناصر من تنظيم الدولة جنوب ليبيا']);
    expect(secondary(blocks)).toEqual([
      ['attribution', 'paragraph', '— US AFRICOM (@USAFRICOM) September 26, 2019'],
      ['attribution', 'paragraph', 'المصدر: الجزيرة نت'],
    ]);
    expect(blocks.find((b) => b.text.startsWith('U.S. Africa'))?.kind).toBe('paragraph');
  });

  it('makes a short title from the first clause when the first line is an opening sentence', () => {
    const { title, blocks } = fixture('news-no-title.txt');
    expect(title).toBe('قال وزير الاقتصاد في مؤتمر صحفي عقده صباح اليوم في العاصمة…');
    expect(title.length).toBeLessThanOrEqual(80);
    // The sentence itself stays the article's first paragraph, whole.
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      text: expect.stringMatching(/في إطار خطة لتحفيز النمو\.$/),
    });
    expect(headings(blocks)).toEqual(['ردود الفعل']);
  });

  it('takes the title from the line after a leading date line and marks the last update line', () => {
    const { title, blocks } = fixture('news-date-first.txt');
    expect(title).toBe('مهرجان الكتاب يستقبل زواره في دورته العاشرة');
    expect(blocks[1]).toEqual({ kind: 'heading', level: 1, text: title });
    expect(headings(blocks)).toEqual([title, 'برنامج ثقافي']);
    expect(secondary(blocks)).toEqual([
      ['dateline', 'paragraph', 'الأحد 29 سبتمبر 2019 - 11:40 م'],
      ['byline', 'paragraph', 'كتبت: سارة محمود'],
      ['dateline', 'paragraph', 'آخر تحديث: 30/09/2019 09:15'],
    ]);
  });
});

describe('parsePlainText and list-like lines', () => {
  it('keeps «- الهدف: …» further down an article an ordinary paragraph, not a byline', () => {
    const long =
      'وأعلنت الحكومة اليوم عن خطة جديدة لإصلاح قطاع التعليم تشمل بناء مئات المدارس في المناطق الريفية.';
    const { blocks } = parsePlainText(
      ['العنوان', long, long, long, long, long, '- الهدف: خفض الضرائب'].join('\n'),
    );
    expect(blocks.find((b) => b.text.startsWith('- الهدف'))).toEqual({
      kind: 'paragraph',
      text: '- الهدف: خفض الضرائب',
    });
  });
});

describe('secondaryKind', () => {
  it.each([
    ['29-9-2017 | 02:57', 'dateline'],
    ['٢٩/٩/٢٠١٧ - ٠٢:٥٧', 'dateline'],
    ['نشر في: 12 مارس 2020', 'dateline'],
    ['By Sarah Ahmed', 'byline'],
    ['الرياض - (واس):', undefined],
    ['— Reuters', 'attribution'],
    ['نقلاً عن: وكالة الأنباء', 'attribution'],
  ])('reads «%s» as %s', (line, kind) => {
    expect(secondaryKind(line)).toBe(kind);
  });

  it.each([
    'مقتل البغدادي بسوريا !',
    'هزيمة تنظيم الدولة',
    'قتل 19 عنصرا في 19 سبتمبر 2019 بغارة',
    '- الرياض: أعلنت وزارة التعليم اليوم عن خطة جديدة لإصلاح قطاع التعليم تشمل بناء مئات المدارس في المناطق الريفية',
  ])('leaves «%s» as ordinary text', (line) => {
    expect(secondaryKind(line)).toBeUndefined();
  });
});

describe('madeTitle', () => {
  it('cuts at a word boundary within 80 characters when the first clause is longer', () => {
    const sentence =
      'أعلنت الحكومة اليوم عن خطة جديدة لإصلاح قطاع التعليم تشمل بناء مئات المدارس في المناطق الريفية خلال السنوات الخمس المقبلة.';
    const title = madeTitle(sentence);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith(' …')).toBe(false);
    expect(title).toMatch(/^أعلنت الحكومة اليوم .*[^\s]…$/u);
    expect(sentence.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('names an article whose first line is only punctuation by that line', () => {
    expect(madeTitle('... ... ...')).toBe('... ... ...…');
  });

  it('goes past a clause too short to name anything («قال:»)', () => {
    expect(madeTitle('قال: إن الحكومة ستخفض الضرائب، وإن العمل يبدأ غدا.')).toBe(
      'قال: إن الحكومة ستخفض الضرائب…',
    );
  });
});
