import { describe, expect, it } from 'vitest';
import { BlockBuilder, safeHref } from './block-builder';

describe('safeHref', () => {
  it.each([
    ['https://example.org/ar/مقال', 'https://example.org/ar/%D9%85%D9%82%D8%A7%D9%84'],
    ['  http://example.org  ', 'http://example.org/'],
    ['mailto:editor@example.org', 'mailto:editor@example.org'],
  ])('keeps %s', (raw, href) => {
    expect(safeHref(raw)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'app://renderer/index.html',
    '/relative/path',
    '',
  ])('drops %s', (raw) => {
    expect(safeHref(raw)).toBeNull();
  });

  it('resolves a relative link against a web base, never against a file: base', () => {
    expect(safeHref('/news/1', 'https://example.org/a/')).toBe('https://example.org/news/1');
    expect(safeHref('passwd', 'file:///etc/')).toBeNull();
  });
});

describe('BlockBuilder', () => {
  it('collapses white space and keeps marks on the words they covered', () => {
    const builder = new BlockBuilder();
    builder.append('\n   قال ');
    builder.openMark('strong');
    builder.append('  الرئيس  ');
    builder.closeMark();
    builder.append('\t\tإن\u0000 ');
    builder.openMark('link', 'https://example.org/');
    builder.append('الخطة');
    builder.closeMark();
    builder.append(' \n');
    expect(builder.endBlock('paragraph')).toEqual({
      kind: 'paragraph',
      text: 'قال الرئيس إن الخطة',
      marks: [
        { kind: 'strong', start: 4, end: 10 },
        { kind: 'link', href: 'https://example.org/', start: 14, end: 19 },
      ],
    });
  });

  it('keeps the no-break space and other Unicode spaces as text', () => {
    const builder = new BlockBuilder();
    builder.append('٢٠\u00A0كم');
    expect(builder.endBlock('paragraph')?.text).toBe('٢٠\u00A0كم');
  });

  it('drops marks left empty and blocks with no visible text', () => {
    const builder = new BlockBuilder();
    builder.openMark('em');
    builder.append('  ');
    builder.closeMark();
    expect(builder.endBlock('paragraph')).toBeNull();
    builder.append('نص');
    builder.openMark('em');
    builder.closeMark();
    expect(builder.endBlock('quote')).toEqual({ kind: 'quote', text: 'نص' });
    expect(builder.blocks).toHaveLength(1);
  });

  it('continues a mark still open into the next block', () => {
    const builder = new BlockBuilder();
    builder.openMark('em');
    builder.append('سطر أول');
    builder.endBlock('paragraph');
    builder.append('سطر ثان');
    builder.closeMark();
    builder.endBlock('paragraph');
    expect(builder.blocks.map((block) => block.marks)).toEqual([
      [{ kind: 'em', start: 0, end: 7 }],
      [{ kind: 'em', start: 0, end: 7 }],
    ]);
  });

  it('counts offsets in UTF-16 code units', () => {
    const builder = new BlockBuilder();
    builder.append('😀 ');
    builder.openMark('strong');
    builder.append('نص');
    builder.closeMark();
    expect(builder.endBlock('heading', 2)).toEqual({
      kind: 'heading',
      level: 2,
      text: '😀 نص',
      marks: [{ kind: 'strong', start: 3, end: 5 }],
    });
  });
});
