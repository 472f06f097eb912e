import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/article-model';
import { bookContentsOf, contentsOf, currentSection } from './contents';

const blocks: Block[] = [
  { kind: 'heading', level: 1, text: 'العنوان' },
  { kind: 'paragraph', text: 'مقدمة' },
  { kind: 'heading', level: 2, text: 'القسم الأول' },
  { kind: 'paragraph', text: 'نص' },
  { kind: 'heading', level: 3, text: 'فرع' },
  { kind: 'heading', level: 2, text: '   ' },
  { kind: 'heading', text: 'القسم الثاني' },
];

describe('table of contents', () => {
  it('lists section headings below the title, with their level and block', () => {
    expect(contentsOf(blocks)).toEqual([
      { index: 2, level: 2, text: 'القسم الأول' },
      { index: 4, level: 3, text: 'فرع' },
      { index: 6, level: 2, text: 'القسم الثاني' },
    ]);
  });

  it('has nothing to list for an article without sections', () => {
    expect(contentsOf([{ kind: 'paragraph', text: 'فقرة' }])).toEqual([]);
  });
});

describe('current section', () => {
  const tops = [
    { index: 2, top: -400 },
    { index: 4, top: 50 },
    { index: 6, top: 900 },
  ];

  it('is the last heading above the reading line', () => {
    expect(currentSection(tops, 100, false, 800)).toBe(4);
    expect(currentSection(tops, 40, false, 800)).toBe(2);
  });

  it('is none before the first section', () => {
    expect(currentSection([{ index: 2, top: 300 }], 100, false, 800)).toBeNull();
  });

  it('is the last heading in view at the end of the article', () => {
    expect(currentSection([...tops.slice(0, 2), { index: 6, top: 700 }], 100, true, 800)).toBe(6);
  });
});

describe("a book's own contents", () => {
  it('are flattened in their order, nested entries one level deeper, entries past the end left out', () => {
    const toc = [
      { title: 'الفصل الأول', block: 2 },
      { title: 'الفصل الثاني', block: 5, children: [{ title: 'في السوق', block: 7 }] },
      { title: 'خارج الكتاب', block: 40 },
    ];
    expect(bookContentsOf(toc, 10)).toEqual([
      { index: 2, level: 2, text: 'الفصل الأول' },
      { index: 5, level: 2, text: 'الفصل الثاني' },
      { index: 7, level: 3, text: 'في السوق' },
    ]);
  });
});
