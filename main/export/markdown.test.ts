import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { markdownQuote, toMarkdown } from './markdown';
import { escapeMarkdownLine } from './markdown-escape';
import { markdownNote } from './markdown-note';
import { obsidianTag } from './obsidian-tag';
import { seedInput, twoArticleInput } from '../../test/kits/export-fixture';

/** The reverse of the export's escaping: strip `> `, drop bidi isolates, remove backslash escapes. */
function readQuoteBack(block: string): string {
  return block
    .split('\n')
    .map((line) => line.replace(/^> ?/, ''))
    .join('\n')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function frontMatter(markdown: string): unknown {
  const match = /^---\n([^]*?)\n---\n/.exec(markdown);
  if (match === null) throw new Error('no front matter');
  return yaml.load(match[1] ?? '');
}

describe('toMarkdown: one article', () => {
  const markdown = toMarkdown(seedInput());

  it('starts with front matter a YAML reader reads back exactly', () => {
    expect(frontMatter(markdown)).toEqual({
      title: 'الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا',
      source: 'article-ar.txt',
      lang: 'ar',
      dir: 'rtl',
      tags: ['ليبيا', 'أخبار-دولية'],
      exported: '2025-03-10T12:00:00.000Z',
      app: 'Hamish 0.1.0',
    });
  });

  it('quotes YAML strings so colons, quotes, newlines and line separators survive', () => {
    const input = seedInput();
    const [article] = input.articles;
    if (article === undefined) throw new Error('fixture error');
    const title = 'عنوان: "مقتبس" \\ # - [x]\nسطر\u2028ثان\u0085 yes';
    const head = frontMatter(
      toMarkdown({ ...input, articles: [{ ...article, meta: { ...article.meta, title } }] }),
    );
    expect(head).toMatchObject({ title });
  });

  it('lists highlights in reading order, the overlapping one that starts first before the other', () => {
    const order = ['فشل “تنظيم الدولة”', 'خلال 6 سنوات من', 'مقتل البغدادي بسوريا', 'مقتل زعيم', 'أكد مدير'];
    const positions = order.map((quote) => markdown.indexOf(`> ${quote}`));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts orphans last, under their own heading', () => {
    const heading = markdown.indexOf('## غير مثبتة / Orphaned');
    expect(heading).toBeGreaterThan(markdown.indexOf('> أكد مدير'));
    expect(markdown.slice(heading)).toContain('> وقد أعلنت \\*الحكومة\\* عن خطة \\[عاجلة\\] \\#1 للجنوب');
  });

  it('keeps a multi-line quote in one block quote, `>` on every line', () => {
    expect(markdown).toContain('> مقتل البغدادي بسوريا !\n>\n> وأكد الرئيس الأمريكي “دونالد ترامب”');
  });

  it('keeps a note’s Markdown and writes its tags and colour after it', () => {
    expect(markdown).toContain('**مهم**: العنوان والفقرة معًا.\n\n- أولًا: التاريخ مكتوب 27-10-2019\n');
    expect(markdown).toContain('الوسوم / Tags: #US-policy #تصريحات · اللون / Colour: pink (وردي)');
    expect(markdown).toContain('اللون / Colour: purple');
  });

  it('isolates an English word opening an Arabic note instead of adding marks', () => {
    expect(markdown).toContain('\u2068Readwise\u2069 وObsidian يقرآن هذه الملاحظة.');
    expect(markdown).not.toContain('\u200E');
  });
});

describe('toMarkdown: several articles', () => {
  const markdown = toMarkdown(twoArticleInput());

  it('has one front matter for the export and a section per article, separated by a rule', () => {
    expect(frontMatter(markdown)).toMatchObject({ title: 'Hamish export', articles: 2 });
    const sections = markdown.split('\n\n---\n\n');
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('# الأفريكوم');
    expect(sections[0]).toContain('المصدر / Source: article-ar.txt');
    expect(sections[1]).toMatch(
      /^# Title, "quoted" \\<b\\>\\&\\<\/b\\>: CON\n\nSource \/ المصدر: hostile\.txt/,
    );
  });

  it('writes a left-to-right article without isolates and with English labels first', () => {
    const hostile = markdown.split('\n\n---\n\n')[1] ?? '';
    expect(hostile).not.toMatch(/[\u2068\u2069]/);
    expect(hostile).toContain('## Highlights / المقتطفات');
  });
});

describe('Markdown escaping', () => {
  it.each([
    'نص *مائل* و_تحته_ و**عريض**',
    '# ليس عنوانًا',
    '> ليس اقتباسًا',
    '- ليس بندًا',
    '+ ولا هذا',
    '1. ولا رقمًا',
    '2019) عام',
    '[رابط](https://example.com) و![صورة](x.png)',
    'رمز `code` و```سياج```',
    '<b>وسم</b> و&amp; كيان',
    'جدول | عمود',
    'مائل \\ خلفي \\* مهرب مسبقًا\\',
    '==تظليل== و~~شطب~~ و$رياضيات$ و%%تعليق%% و^معرّف',
    '---',
    'Readwise يقرأ *هذا*',
    'سطر أول\n\nسطر ثالث\n- بند',
  ])('reads back exactly: %s', (text) => {
    expect(readQuoteBack(markdownQuote(text, 'rtl'))).toBe(text);
  });

  it('leaves letters, digits and Arabic punctuation alone', () => {
    expect(escapeMarkdownLine('في 27-10-2019، قال: «نعم»؟')).toBe('في 27-10-2019، قال: «نعم»؟');
  });
});

describe('notes and tags', () => {
  it('closes a code fence a note leaves open, so the rest of the export is not code', () => {
    expect(markdownNote('انظر:\n```js\nlet a = 1;', 'rtl')).toEqual(['انظر:', '```js', 'let a = 1;', '```']);
  });

  it('adds no isolate inside fenced code', () => {
    expect(markdownNote('```\nconst x = "نص";\n```', 'rtl')).toEqual(['```', 'const x = "نص";', '```']);
  });

  it.each([
    ['تنظيم الدولة', 'تنظيم-الدولة'],
    ['US policy', 'US-policy'],
    ['a,b.c!d?', 'abcd'],
    ['#tag', 'tag'],
    ['2019', '_2019'],
    ['أدب/شعر', 'أدب/شعر'],
    ['//', ''],
    ['قِصَّة', 'قِصَّة'],
  ])('turns the tag %j into the Obsidian tag %j', (tag, expected) => {
    expect(obsidianTag(tag)).toBe(expected);
  });
});
