import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { MAX_MARKDOWN_DEPTH, parseMarkdown } from './markdown-import';
import type { Block, Mark } from '../../shared/article-model';

const essay = readFileSync(new URL('../../test/fixtures/essay-ar.md', import.meta.url), 'utf8');

/** The text each mark covers, so expectations read as words rather than offsets. */
const marked = (block: Block | undefined): (Omit<Mark, 'start' | 'end'> & { text: string })[] =>
  (block?.marks ?? []).map(({ start, end, ...mark }) => ({
    ...mark,
    text: block?.text.slice(start, end) ?? '',
  }));

describe('parseMarkdown on essay-ar.md', () => {
  const { title, blocks } = parseMarkdown(essay, 'essay-ar.md');

  it('takes the first heading as the title block', () => {
    expect(title).toBe('في فضل القراءة البطيئة');
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'في فضل القراءة البطيئة' });
  });

  it('keeps the section headings with their depth', () => {
    const headings = blocks
      .filter((block) => block.kind === 'heading')
      .map(({ level, text }) => [level, text]);
    expect(headings).toEqual([
      [1, 'في فضل القراءة البطيئة'],
      [2, 'لماذا نقرأ ببطء؟'],
      [2, 'من الأدب الإنجليزي'],
      [3, 'خاتمة'],
    ]);
  });

  it('joins a paragraph’s lines and marks its emphasis and strong words', () => {
    expect(blocks[1]?.text).toBe(
      'نعيش زمنًا يقيس كل شيء بالسرعة، حتى القراءة. غير أن القراءة البطيئة ليست كسلًا، بل هي فعل انتباه يعيد إلى النص حقه، ويعيد إلى القارئ حقه في الفهم.',
    );
    expect(marked(blocks[1])).toEqual([
      { kind: 'em', text: 'القراءة البطيئة' },
      { kind: 'strong', text: 'فعل انتباه' },
    ]);
  });

  it('marks links with their href, inline and by reference', () => {
    expect(marked(blocks[3])).toEqual([
      {
        kind: 'link',
        href: 'https://example.org/ar/slow-reading?ref=hamish',
        text: 'مقال منشور في مجلة العلوم',
      },
    ]);
    const listItems = blocks.filter((block) => block.kind === 'listItem');
    expect(marked(listItems[2])).toEqual([
      { kind: 'link', href: 'https://example.org/ar/critical-reading', text: 'دليل القراءة النقدية' },
    ]);
  });

  it('reads block quotes, the Arabic one and the English one', () => {
    expect(blocks.filter((block) => block.kind === 'quote').map((block) => block.text)).toEqual([
      'الكتاب هو الجليس الذي لا يُطريك، والصديق الذي لا يُغريك.',
      'Some books are to be tasted, others to be swallowed, and some few to be chewed and digested.',
    ]);
  });

  it('reads list items with their marks', () => {
    const listItems = blocks.filter((block) => block.kind === 'listItem');
    expect(listItems.map((block) => block.text)).toEqual([
      'أن تُدوَّن الملاحظات في هامش الصفحة.',
      'أن يُعاد السطر الصعب مرتين أو ثلاثًا.',
      'أن يُسأل النص قبل أن يُصدَّق، كما في دليل القراءة النقدية.',
    ]);
    expect(marked(listItems[0])).toEqual([{ kind: 'em', text: 'هامش' }]);
  });

  it('keeps mailto links and drops file: and javascript: hrefs but keeps their text', () => {
    const last = blocks.filter((block) => block.kind !== 'figure').at(-1);
    expect(last?.text).toBe('راسلونا على البريد أو اقرؤوا الصفحة المحلية والرابط الخبيث.');
    expect(marked(last)).toEqual([{ kind: 'link', href: 'mailto:editor@example.org', text: 'البريد' }]);
  });

  it('drops raw HTML with its text, and lists a remote image as not kept', () => {
    const text = blocks.map((block) => block.text).join('\n');
    expect(text).not.toContain('إعلان');
    expect(text).not.toContain('alert');
    expect(text).not.toContain('غلاف الكتاب');
    expect(blocks).toHaveLength(15);
    expect(blocks.at(-1)?.missing).toEqual({
      src: 'https://example.org/cover.png',
      alt: 'غلاف الكتاب',
      reason: 'remote',
    });
  });
});

describe('parseMarkdown', () => {
  it('makes the first line the title when the text starts without a heading', () => {
    expect(parseMarkdown('السطر الأول عنوان\nوهذا *بقية* الفقرة').blocks).toEqual([
      { kind: 'heading', level: 1, text: 'السطر الأول عنوان' },
      { kind: 'paragraph', text: 'وهذا بقية الفقرة', marks: [{ kind: 'em', start: 5, end: 9 }] },
    ]);
  });

  it('makes a level-3 first heading the level-1 title and a later "#" a section', () => {
    expect(parseMarkdown('### أول\n\n# ثان').blocks).toEqual([
      { kind: 'heading', level: 1, text: 'أول' },
      { kind: 'heading', level: 2, text: 'ثان' },
    ]);
  });

  it('gives no blocks for empty text', () => {
    expect(parseMarkdown('')).toEqual({ title: '', blocks: [] });
  });

  it('keeps a code block as one block, its lines as written', () => {
    const { blocks } = parseMarkdown('# ع\n\n```\nconst a = 1;\n\n  const b = 2;\n```');
    expect(blocks.slice(1)).toEqual([{ kind: 'code', text: 'const a = 1;\n\n  const b = 2;' }]);
  });

  it('numbers the items of an ordered list and gives nested items their depth', () => {
    const text = '# ع\n\n3. أولًا\n4. ثانيًا\n   - فرع\n   - فرع آخر\n\n   تتمة الثاني\n\n- نقطة';
    expect(parseMarkdown(text).blocks.slice(1)).toEqual([
      { kind: 'listItem', text: 'أولًا', depth: 0, ordered: true, number: 3 },
      { kind: 'listItem', text: 'ثانيًا', depth: 0, ordered: true, number: 4 },
      { kind: 'listItem', text: 'فرع', depth: 1 },
      { kind: 'listItem', text: 'فرع آخر', depth: 1 },
      { kind: 'listItem', text: 'تتمة الثاني', depth: 0, ordered: true, number: 4 },
      { kind: 'listItem', text: 'نقطة', depth: 0 },
    ]);
  });

  it('keeps quoted lists quoted, and splits a paragraph at a hard line break', () => {
    const { blocks } = parseMarkdown('# ع\n\n> - بند مقتبس\n\nبيت أول\\\nبيت ثان');
    expect(blocks.slice(1)).toEqual([
      { kind: 'quote', text: 'بند مقتبس' },
      { kind: 'paragraph', text: 'بيت أول' },
      { kind: 'paragraph', text: 'بيت ثان' },
    ]);
  });

  it('refuses block quotes nested deeper than MAX_MARKDOWN_DEPTH', () => {
    const deep = `${'>'.repeat(100_000)} نص`;
    expect(() => parseMarkdown(deep, 'deep.md')).toThrow(ImportError);
    expect(() => parseMarkdown(deep, 'deep.md')).toThrow(
      new RegExp(`deep\\.md: .*more than ${MAX_MARKDOWN_DEPTH} levels`),
    );
  });

  it('reads quotes nested as deep as MAX_MARKDOWN_DEPTH allows', () => {
    const { blocks } = parseMarkdown(`# ع\n\n${'> '.repeat(MAX_MARKDOWN_DEPTH - 1)}نص`);
    expect(blocks.at(-1)).toEqual({ kind: 'quote', text: 'نص' });
  });

  it('reads a single 5 MB line as one paragraph', () => {
    const line = 'كلمة عربية طويلة '.repeat(300_000);
    const { blocks } = parseMarkdown(`# عنوان\n\n${line}`);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]?.text).toBe(line.trim());
  }, 30_000);
});
