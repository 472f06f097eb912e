import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleView } from '../../../shared/contract';
import { blockStarts, type Block } from '../../../shared/article-model';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { BlockView } from '../reader/BlockView';
import { blockElement } from './blocks';
import { drawReader, firstScreenBlocks } from './first-screen';

afterEach(cleanup);

/** Every kind of block the first screen draws, with marks, left-to-right runs and anchors. */
const BLOCKS: Block[] = [
  { kind: 'heading', level: 1, text: 'الأفريكوم: الحرب على طرابلس' },
  {
    kind: 'paragraph',
    text: 'قال US AFRICOM (@USAfricaCommand) في بيان إن الوضع خطير جداً وفق المصدر.',
    marks: [
      { start: 0, end: 3, kind: 'strong' },
      { start: 45, end: 50, kind: 'em' },
      { start: 51, end: 56, kind: 'link', href: 'https://example.org/a' },
      { start: 57, end: 61, kind: 'link', href: '#note-1' },
      { start: 62, end: 64, kind: 'link', href: 'javascript:alert(1)' },
      { start: 0, end: 5, kind: 'em' },
    ],
  },
  { kind: 'heading', level: 2, text: 'هزيمة تنظيم الدولة', anchors: ['part-1', 'part-one'] },
  { kind: 'heading', level: 9, text: 'عنوان صغير' },
  { kind: 'quote', text: 'اقتباس من الخطاب' },
  { kind: 'quote', text: 'An English quote inside', dir: 'ltr' },
  { kind: 'listItem', text: 'أول', ordered: true, number: 3 },
  { kind: 'listItem', text: 'ثانٍ مع Latin words', depth: 2 },
  { kind: 'listItem', text: 'عميق', depth: 9 },
  { kind: 'listItem', text: 'صفر', depth: 0, ordered: true },
  { kind: 'code', text: 'const a = 1;\nconst b = 2;' },
  { kind: 'rule', text: '' },
  { kind: 'paragraph', text: '' },
  { kind: 'paragraph', text: 'حاشية هنا', marks: [{ start: 0, end: 5, kind: 'link', note: 'نص الحاشية' }] },
];

function reactBlocks(blocks: Block[], isolate: boolean): HTMLElement {
  const { container } = render(
    <I18nProvider t={createTranslate('ar')}>
      <article>
        {blocks.map((block, index) => (
          <BlockView key={index} block={block} index={index} isolate={isolate} />
        ))}
      </article>
    </I18nProvider>,
  );
  const article = container.querySelector('article');
  if (!article) throw new Error('no article');
  // A note reference's tooltip comes with the interface's messages, which the first screen has not.
  article.querySelectorAll('.noteref').forEach((ref) => ref.removeAttribute('title'));
  return article;
}

describe('the first screen drawn before React', () => {
  for (const isolate of [true, false]) {
    it(`draws each block node for node as the reader does (isolating runs: ${isolate})`, () => {
      const react = reactBlocks(BLOCKS, isolate);
      expect(react.children).toHaveLength(BLOCKS.length);
      BLOCKS.forEach((block, index) => {
        const plain = blockElement(block, index, isolate);
        const drawn = react.children[index] ?? null;
        // Equal nodes: same elements and attributes, and the same text nodes (offsets are counted over
        // them), not only the same markup.
        expect(plain.isEqualNode(drawn), `${plain.outerHTML}\n${drawn?.outerHTML}`).toBe(true);
      });
    });
  }

  const article = (blocks: Block[], offset = 0): ArticleView => ({
    id: 'a',
    title: 't',
    lang: 'ar',
    dir: 'rtl',
    blocks,
    note: '',
    tags: [],
    progress: offset ? { offset, fraction: 0.5 } : null,
    highlights: [],
  });
  const paragraphs = (count: number, length = 100): Block[] =>
    Array.from({ length: count }, () => ({ kind: 'paragraph', text: 'ب'.repeat(length) }));

  it('draws the blocks of a screen and no more', () => {
    expect(firstScreenBlocks(article(paragraphs(5)), 0)).toBe(5);
    expect(firstScreenBlocks(article(paragraphs(500)), 0)).toBe(60);
    expect(firstScreenBlocks(article(paragraphs(500, 1000)), 0)).toBe(7);
  });

  it('stops before a figure or a table, whose size it does not know', () => {
    const blocks = paragraphs(10);
    blocks.splice(3, 0, { kind: 'figure', text: 'صورة' });
    expect(firstScreenBlocks(article(blocks), 0)).toBe(3);
    blocks.splice(0, 0, { kind: 'table', text: 'أ\tب' });
    expect(firstScreenBlocks(article(blocks), 0)).toBe(0);
  });

  it('reaches the reading position, or leaves a far one to the reader', () => {
    const blocks = paragraphs(1000);
    const starts = blockStarts(blocks);
    expect(firstScreenBlocks(article(blocks), starts[150] ?? 0)).toBe(210);
    expect(firstScreenBlocks(article(blocks), starts[400] ?? 0)).toBe(0);
    // A figure before the position: the text there cannot be drawn.
    blocks.splice(20, 0, { kind: 'figure', text: '' });
    expect(firstScreenBlocks(article(blocks), starts[100] ?? 0)).toBe(0);
  });

  it("lays the reader's frame out, with the panels a window that wide opens", () => {
    const text = article([{ kind: 'paragraph', text: 'وَقَالَ' }, ...paragraphs(3)]);
    const wide = drawReader(text, 4, 1440).app;
    expect(wide.querySelector('.reader-layout')?.className).toBe('reader-layout with-notes');
    expect([...(wide.querySelector('.reader-layout')?.children ?? [])].map((c) => c.className)).toEqual([
      'toc',
      'reader-column',
      'notes-panel',
    ]);
    expect(wide.querySelector('.article')?.getAttribute('data-marks')).toBe('shown');
    expect(wide.querySelector('.reader-tools')).not.toBeNull();
    expect(wide.querySelectorAll('[data-block]')).toHaveLength(4);
    // Nothing that waits for the working reader finds this one.
    expect(wide.querySelector('article')).toBeNull();
    // The widths the reader's panels open at (use-reader-panels.ts): contents from 1440 px, notes from
    // 1024 px, and below that drawers, closed.
    const middle = drawReader(article(paragraphs(2)), 2, 1280).app;
    expect([...(middle.querySelector('.reader-layout')?.children ?? [])].map((c) => c.className)).toEqual([
      'reader-column',
      'notes-panel',
    ]);
    const narrow = drawReader(article(paragraphs(2)), 2, 1000).app;
    expect(narrow.querySelector('.reader-layout')?.className).toBe('reader-layout');
    expect(narrow.querySelector('.toc, .notes-panel, .reader-tools')).toBeNull();
  });
});
