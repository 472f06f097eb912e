import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeSourceText } from './normalize-text';
import { parsePlainText } from './text-import';
import type { Block } from '../../shared/article-model';

const seed = readFileSync(new URL('../../data/article-ar.txt', import.meta.url), 'utf8');
const parse = (raw: string): ReturnType<typeof parsePlainText> => parsePlainText(normalizeSourceText(raw));
const texts = (blocks: Block[], kind: Block['kind']): string[] =>
  blocks.filter((block) => block.kind === kind).map((block) => block.text);

const LONG_1 =
  'وأعلنت الحكومة اليوم عن خطة جديدة لإصلاح قطاع التعليم تشمل بناء مئات المدارس في المناطق الريفية خلال السنوات الخمس المقبلة.';
const LONG_2 =
  'وقال وزير التربية في مؤتمر صحفي إن الخطة ستمول من الميزانية العامة ومن منح دولية، مشيرا إلى أن العمل سيبدأ مطلع العام المقبل.';

describe('parsePlainText on the seed article', () => {
  const { title, blocks } = parse(seed);

  it('takes the first line as the title and the level-1 heading', () => {
    expect(title).toBe('الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا');
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: title });
  });

  it('finds the five section headings, in order, at level 2', () => {
    const headings = blocks.filter((block) => block.kind === 'heading' && block.level === 2);
    expect(headings.map((block) => block.text)).toEqual([
      'هزيمة تنظيم الدولة',
      'تنسيق مع الأمريكيين',
      'مقتل البغدادي بسوريا !',
      'تقلص عناصر داعش',
      'استمرار المراقبة',
    ]);
  });

  it('keeps exactly seven paragraphs, the last one being the closing paragraph', () => {
    const paragraphs = texts(blocks, 'paragraph');
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs.at(-1)?.startsWith('وفي ظل استمرار عدوان حفتر')).toBe(true);
    expect(blocks).toHaveLength(13);
  });

  it('drops the share counter and related-links debris at the end', () => {
    for (const block of blocks) {
      expect(block.text).not.toContain('Total');
      expect(block.text).not.toContain('مشاركة');
      expect(block.text).not.toContain('مقالات ذات صلة');
      expect(block.text).not.toBe('0');
    }
  });

  it('reads the long paragraph about الأفريكوم that lacks a final full stop as a paragraph', () => {
    const block = blocks.find((candidate) => candidate.text.endsWith('بحسب المتحدث باسم الأفريكوم'));
    expect(block?.kind).toBe('paragraph');
    expect(block?.text.startsWith('القيادة الأمريكية في أفريقيا')).toBe(true);
  });

  it('gives the same blocks for the CRLF version of the file', () => {
    expect(parse(seed.replace(/\n/g, '\r\n'))).toEqual({ title, blocks });
  });

  it('gives the same blocks when blank lines hold spaces and tabs', () => {
    expect(parse(seed.replace(/\n\n/g, '\n \t  \n'))).toEqual({ title, blocks });
  });
});

describe('parsePlainText on variations', () => {
  it('returns no title and no blocks for empty or whitespace-only text', () => {
    expect(parse('')).toEqual({ title: '', blocks: [] });
    expect(parse(' \n\t\n   \r\n')).toEqual({ title: '', blocks: [] });
  });

  it('turns a one-line text into its title only', () => {
    expect(parse('  عنوان وحيد  \n')).toEqual({
      title: 'عنوان وحيد',
      blocks: [{ kind: 'heading', level: 1, text: 'عنوان وحيد' }],
    });
  });

  it('reads a text with no headings as paragraphs only', () => {
    expect(parse(`العنوان\n\n${LONG_1}\n${LONG_2}\n`).blocks).toEqual([
      { kind: 'heading', level: 1, text: 'العنوان' },
      { kind: 'paragraph', text: LONG_1 },
      { kind: 'paragraph', text: LONG_2 },
    ]);
  });

  it('removes a BOM and NUL bytes before parsing', () => {
    const { title, blocks } = parse(`\uFEFFالعنوان\u0000\n\n${LONG_1}\u0000\n`);
    expect(title).toBe('العنوان');
    expect(blocks.map((block) => block.text)).toEqual(['العنوان', LONG_1]);
  });

  it('keeps internal runs of spaces inside a line and trims its ends', () => {
    expect(parse('العنوان\n   قال   الوزير  إن العمل بدأ.   \n').blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'قال   الوزير  إن العمل بدأ.',
    });
  });

  it('finds a heading separated from its paragraph by a blank line', () => {
    expect(parse(`العنوان\n\nخطة التعليم\n\n${LONG_1}\n`).blocks[1]).toEqual({
      kind: 'heading',
      level: 2,
      text: 'خطة التعليم',
    });
  });

  it('accepts ?, ! and ؟ at the end of a heading, with or without a space before', () => {
    const raw = `العنوان\nماذا بعد؟\n${LONG_1}\nلماذا الآن ?\n${LONG_2}\nنهاية المطاف!\n${LONG_1}\n`;
    expect(texts(parse(raw).blocks.slice(1), 'heading')).toEqual([
      'ماذا بعد؟',
      'لماذا الآن ?',
      'نهاية المطاف!',
    ]);
  });

  it('does not take a short line ending with sentence punctuation for a heading', () => {
    const raw = `العنوان\nوأضاف قائلا:\n${LONG_1}\nبحسب المصدر،\n${LONG_2}\nقال “نعم.”\n${LONG_1}\n`;
    expect(texts(parse(raw).blocks, 'heading')).toEqual(['العنوان']);
  });

  it('does not take a short line for a heading unless it introduces running text', () => {
    const raw = `العنوان\n${LONG_1}\nأحمد محمد\nمراسل الجزيرة\n`;
    expect(texts(parse(raw).blocks, 'paragraph')).toEqual([LONG_1, 'أحمد محمد', 'مراسل الجزيرة']);
  });

  it('takes the second of two short lines before a paragraph for the heading', () => {
    const raw = `العنوان\n${LONG_1}\nالقسم الأول\nخطة التعليم\n${LONG_2}\n`;
    expect(texts(parse(raw).blocks.slice(1), 'heading')).toEqual(['خطة التعليم']);
  });

  it('counts a short sentence ending with a full stop as running text after a heading', () => {
    expect(parse('العنوان\nخطة التعليم\nبدأ العمل أمس.\n').blocks[1]?.kind).toBe('heading');
  });

  it('does not take a line over 8 words or 60 characters for a heading', () => {
    const nineWords = 'أعلنت الحكومة اليوم عن خطة جديدة لإصلاح قطاع التعليم';
    const longWords = 'الاستراتيجيات الاقتصادية والاجتماعية والتكنولوجية للمؤسسات الحكومية';
    expect(parse(`العنوان\n${nineWords}\n${LONG_1}\n`).blocks[1]?.kind).toBe('paragraph');
    expect(parse(`العنوان\n${longWords}\n${LONG_1}\n`).blocks[1]?.kind).toBe('paragraph');
  });

  it('does not take a line without letters, such as a *** separator, for a heading', () => {
    expect(parse(`العنوان\n${LONG_1}\n***\n${LONG_2}\n`).blocks[2]).toEqual({
      kind: 'paragraph',
      text: '***',
    });
  });
});

describe('parsePlainText and trailing web-page debris', () => {
  it('keeps a short real closing sentence and drops the debris after it', () => {
    const { blocks } = parse(`العنوان\n${LONG_1}\nوالله ولي التوفيق.\n\nشارك\nTweet\n`);
    expect(blocks.map((block) => block.text)).toEqual(['العنوان', LONG_1, 'والله ولي التوفيق.']);
  });

  it('keeps a short real closing sentence when no debris follows', () => {
    expect(parse(`العنوان\n${LONG_1}\nوالله ولي التوفيق.\n`).blocks.at(-1)).toEqual({
      kind: 'paragraph',
      text: 'والله ولي التوفيق.',
    });
  });

  it('keeps debris-like lines in the middle of a text', () => {
    const { blocks } = parse(`العنوان\n${LONG_1}\nTotal\n0\nمشاركة\n${LONG_2}\n`);
    expect(blocks.map((block) => block.text)).toEqual(['العنوان', LONG_1, 'Total', '0', 'مشاركة', LONG_2]);
  });

  it('drops Arabic-Indic digit counters', () => {
    const { blocks } = parse(`العنوان\n${LONG_1}\n\nمشاركة\n٠\n١٢\n`);
    expect(blocks.map((block) => block.text)).toEqual(['العنوان', LONG_1]);
  });

  it('drops mixed-case words, surrounding punctuation, spelling variants and counter rows', () => {
    const debris = [
      'SHARE:',
      '« اقرأ أيضاً »',
      'إقرأ أيضا',
      'أخبار ذات صله',
      '1.2K Shares',
      'Facebook | Twitter',
      'واتساب',
    ];
    const { blocks } = parse(`العنوان\n${LONG_1}\n${debris.join('\n')}\nRelated articles\nطباعة\nEmail\n`);
    expect(blocks.map((block) => block.text)).toEqual(['العنوان', LONG_1]);
  });

  it('stops at the first line from the end that is not debris', () => {
    const { blocks } = parse(`العنوان\n${LONG_1}\nمشاركة\nقالت المصادر إن الاجتماع انتهى\n0\n`);
    expect(blocks.map((block) => block.text)).toEqual([
      'العنوان',
      LONG_1,
      'مشاركة',
      'قالت المصادر إن الاجتماع انتهى',
    ]);
  });

  it('never drops the title, even when it is a debris word', () => {
    expect(parse('Related\n0\n')).toEqual({
      title: 'Related',
      blocks: [{ kind: 'heading', level: 1, text: 'Related' }],
    });
  });
});
