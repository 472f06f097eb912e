import { describe, expect, it } from 'vitest';
import { highlightFilter, type FilterableHighlight } from './highlight-filter';

const highlight = (over: Partial<FilterableHighlight> & { exact?: string } = {}): FilterableHighlight => ({
  articleId: over.articleId ?? 'a1',
  color: over.color ?? 'yellow',
  tags: over.tags ?? [],
  createdAt: over.createdAt ?? '2026-03-10T09:00:00.000Z',
  note: over.note ?? '',
  target: { exact: over.exact ?? 'قال الشاعرُ إنّ الكتابةَ ذاكرة' },
});

describe('filters of the highlights view', () => {
  it('lets everything through when no filter is set', () => {
    expect(highlightFilter({})(highlight())).toBe(true);
  });

  it('narrows by colour, tag and article', () => {
    expect(highlightFilter({ color: 'green' })(highlight())).toBe(false);
    expect(highlightFilter({ color: 'green' })(highlight({ color: 'green' }))).toBe(true);
    expect(highlightFilter({ tag: 'شعر' })(highlight({ tags: ['نثر'] }))).toBe(false);
    expect(highlightFilter({ tag: 'شعر' })(highlight({ tags: ['نثر', 'شعر'] }))).toBe(true);
    expect(highlightFilter({ articleId: 'a2' })(highlight())).toBe(false);
  });

  it('includes both ends of a date range, by the day the highlight was made', () => {
    const h = highlight({ createdAt: '2026-03-10T23:59:00.000Z' });
    expect(highlightFilter({ since: '2026-03-10', until: '2026-03-10' })(h)).toBe(true);
    expect(highlightFilter({ since: '2026-03-11' })(h)).toBe(false);
    expect(highlightFilter({ until: '2026-03-09' })(h)).toBe(false);
  });

  it('finds a passage typed without diacritics or hamza, and words in the note or tags', () => {
    expect(highlightFilter({ query: 'الكتابة' })(highlight())).toBe(true);
    expect(highlightFilter({ query: 'ان الكتابة' })(highlight())).toBe(true);
    expect(highlightFilter({ query: 'ذاكره' })(highlight())).toBe(true);
    expect(highlightFilter({ query: 'memory' })(highlight({ note: 'On **memory**' }))).toBe(true);
    expect(highlightFilter({ query: 'شعر' })(highlight({ tags: ['شعر'] }))).toBe(true);
    expect(highlightFilter({ query: 'الرواية' })(highlight())).toBe(false);
  });

  it('needs every word of the query, as search does', () => {
    expect(highlightFilter({ query: 'الكتابة الرواية' })(highlight())).toBe(false);
  });

  it('ignores a query with nothing searchable in it', () => {
    expect(highlightFilter({ query: '  ، ' })(highlight())).toBe(true);
  });
});
