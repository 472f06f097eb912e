import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { blockStarts, canonicalText, type Block } from '../../../shared/article-model';
import { createTranslate } from '../i18n';
import { I18nProvider } from '../i18n/I18nProvider';
import { BlockView } from './BlockView';
import { canonicalOffset, canonicalToRange, blockElements } from './dom-offsets';

afterEach(cleanup);

const ASSET = `${'a'.repeat(64)}.png`;

function renderBlocks(blocks: Block[]) {
  const { container } = render(
    <I18nProvider t={createTranslate('ar')}>
      <article className="article" dir="rtl">
        {blocks.map((block, index) => (
          <BlockView key={index} block={block} index={index} isolate />
        ))}
      </article>
    </I18nProvider>,
  );
  const article = container.querySelector('article');
  if (!article) throw new Error('no article');
  return article;
}

const figure: Block = {
  kind: 'figure',
  text: 'باعة في سوق المدينة',
  image: { asset: ASSET, alt: 'سوق الخضار', width: 640, height: 480 },
};
const table: Block = {
  kind: 'table',
  text: 'المدينة\tالسعر\nعمّان\t١٢٥',
  rows: [
    [
      { start: 0, end: 7, header: true },
      { start: 8, end: 13, header: true },
    ],
    [
      { start: 14, end: 19 },
      { start: 20, end: 23 },
    ],
  ],
};

describe('a figure', () => {
  it('shows the stored picture lazily, at its size, with alt text and its caption', () => {
    const article = renderBlocks([figure]);
    const img = article.querySelector('img');
    expect(img?.getAttribute('src')).toBe(`/assets/${ASSET}`);
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('alt')).toBe('سوق الخضار');
    expect(img?.getAttribute('width')).toBe('640');
    expect(article.querySelector('figcaption')?.textContent).toBe('باعة في سوق المدينة');
  });

  it('opens the picture large on click and closes it with Escape', () => {
    renderBlocks([figure]);
    fireEvent.click(screen.getByRole('button', { name: 'اعرض الصورة مكبّرة' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says a picture was not kept, and counts only its caption as text', () => {
    const article = renderBlocks([
      { kind: 'paragraph', text: 'قبل' },
      {
        kind: 'figure',
        text: '',
        missing: { src: 'https://x.example/a.png', alt: 'بعيدة', reason: 'remote' },
      },
      { kind: 'paragraph', text: 'بعد' },
    ]);
    expect(article.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('بعيدة');
    const after = article.querySelector('[data-block="2"]')?.firstChild;
    if (!after) throw new Error('no text');
    const blocks = [{ text: 'قبل' }, { text: '' }, { text: 'بعد' }] as Block[];
    expect(canonicalOffset(blockStarts(blocks), after, 1)).toBe(canonicalText(blocks).indexOf('بعد') + 1);
  });
});

describe('a table', () => {
  it('has a header row and cells, and maps every cell back to its offsets in the text', () => {
    const article = renderBlocks([{ kind: 'paragraph', text: 'مقدمة' }, table]);
    expect([...article.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'المدينة\t',
      'السعر\n',
    ]);
    expect(article.querySelector('table')?.textContent).toBe(table.text);
    const starts = blockStarts([{ kind: 'paragraph', text: 'مقدمة' }, table]);
    const cell = [...article.querySelectorAll('td')][1]?.firstChild;
    if (!cell) throw new Error('no cell');
    expect(canonicalOffset(starts, cell, 0)).toBe((starts[1] ?? 0) + 20);
    const range = canonicalToRange(
      blockElements(article),
      starts,
      (starts[1] ?? 0) + 14,
      (starts[1] ?? 0) + 23,
    );
    expect(range?.toString()).toBe('عمّان\t١٢٥');
  });
});

describe('code and lists', () => {
  it('shows code left to right with its lines', () => {
    const article = renderBlocks([{ kind: 'code', text: 'let x = 1;\nx += 2;', dir: 'ltr' }]);
    const pre = article.querySelector('pre');
    expect(pre?.getAttribute('dir')).toBe('ltr');
    expect(pre?.textContent).toBe('let x = 1;\nx += 2;');
  });

  it('numbers ordered items and indents nested ones', () => {
    const article = renderBlocks([
      { kind: 'listItem', text: 'أولًا', ordered: true, number: 3, depth: 0 },
      { kind: 'listItem', text: 'فرع', depth: 1 },
    ]);
    const [first, second] = article.querySelectorAll('.list-item');
    expect(first?.getAttribute('data-number')).toBe('3');
    expect(second?.getAttribute('data-depth')).toBe('1');
  });
});

describe('links within the article', () => {
  it('scrolls to the footnote a reference leads to, without changing the page address', () => {
    const article = renderBlocks([
      {
        kind: 'paragraph',
        text: 'قال الوزير1 إن',
        marks: [{ kind: 'link', href: '#fn1', start: 10, end: 11 }],
      },
      { kind: 'listItem', text: 'المصدر', ordered: true, number: 1, anchors: ['fn1'] },
    ]);
    const footnote = article.querySelector<HTMLElement>('[data-anchors="fn1"]');
    if (!footnote) throw new Error('no footnote');
    let scrolled = false;
    footnote.scrollIntoView = () => {
      scrolled = true;
    };
    const before = window.location.href;
    fireEvent.click(screen.getByRole('link', { name: '1' }));
    expect(scrolled).toBe(true);
    expect(window.location.href).toBe(before);
  });
});

describe('secondary lines', () => {
  it('shows a date line and a byline as small paragraphs whose text still maps to its offsets', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 1, text: 'السعودية تطلق برنامجا' },
      { kind: 'paragraph', text: '29-9-2017 | 02:57', secondary: 'dateline' },
      { kind: 'paragraph', text: '- الرياض: واس', secondary: 'byline' },
    ];
    const article = renderBlocks(blocks);
    const [dateline, byline] = article.querySelectorAll('p.secondary');
    expect(dateline?.getAttribute('data-secondary')).toBe('dateline');
    expect(byline?.textContent).toBe('- الرياض: واس');
    expect(article.querySelectorAll('h2')).toHaveLength(0);
    const starts = blockStarts(blocks);
    const range = canonicalToRange(blockElements(article), starts, starts[2] ?? 0, (starts[2] ?? 0) + 8);
    expect(range?.toString()).toBe(canonicalText(blocks).slice(starts[2], (starts[2] ?? 0) + 8));
  });
});
