import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../shared/annotation-model';
import { canonicalText, type Block } from '../../shared/article-model';
import { createLibraryIndex, type ArticleInfo, type SearchFilters } from './library-index';
import { parseQuery } from './query';

const LIBYA: Block[] = [
  { kind: 'heading', level: 1, text: 'الأفريكوم: الحرب على طرابلس' },
  { kind: 'paragraph', text: 'فشل “تنظيم الدولة” خلال 6 سنوات من المحاولات المتكررة للتغلغل في ليبيا.' },
  { kind: 'heading', level: 2, text: 'هزيمة تنظيم الدولة' },
  { kind: 'paragraph', text: 'ورغم بسط سيطرته على مدينة سرت في يونيو ٢٠١٥ فإن الحرب أخرجته من سرت.' },
];
const SAHEL: Block[] = [
  { kind: 'heading', level: 1, text: 'الساحل بعد الانسحاب' },
  { kind: 'paragraph', text: 'نُفّذت عمليات كثيرة في الساحل، وقال مسئول إن الحرب لم تنته.' },
];

function info(id: string, extra: Partial<ArticleInfo> = {}): ArticleInfo {
  return { id, tags: [], note: '', ...extra };
}

function highlight(
  id: string,
  articleId: string,
  blocks: Block[],
  quote: string,
  extra: Partial<Highlight> = {},
) {
  const text = canonicalText(blocks);
  const start = text.indexOf(quote);
  return {
    id,
    articleId,
    color: 'yellow',
    target: { start, end: start + quote.length, exact: quote, prefix: '', suffix: '' },
    note: '',
    tags: [],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...extra,
  } satisfies Highlight;
}

function library() {
  const index = createLibraryIndex();
  index.addArticle(info('libya', { tags: ['سياسة'], note: 'مقالة عن سرت والأفريكوم' }), LIBYA);
  index.addArticle(info('sahel'), SAHEL);
  index.setHighlights('libya', [
    highlight('h1', 'libya', LIBYA, 'تنظيم الدولة', { note: 'فشل التنظيم في **ليبيا**', tags: ['إرهاب'] }),
  ]);
  index.setHighlights('sahel', [highlight('h2', 'sahel', SAHEL, 'عمليات كثيرة')]);
  return index;
}

function search(index: ReturnType<typeof library>, raw: string, filters?: SearchFilters) {
  return index.search(parseQuery(raw), filters);
}

describe('library search: article text', () => {
  it('reports canonical offsets that cover exactly the matched characters', () => {
    const text = canonicalText(LIBYA);
    const hits = search(library(), 'سرت').filter((hit) => hit.kind === 'article');
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit?.articleId).toBe('libya');
    expect(text.slice(hit?.start, hit?.end)).toBe('سرت');
  });

  it('finds Arabic whatever its spelling: harakat, hamza seats, digits', () => {
    const index = library();
    const sahel = canonicalText(SAHEL);
    const [hit] = search(index, 'نفذت مسؤول');
    expect(hit && sahel.slice(hit.start, hit.end)).toBe('نُفّذت');
    expect(search(index, '2015').map((h) => h.articleId)).toEqual(['libya']);
  });

  it('needs every word within one block, in any order', () => {
    const index = library();
    expect(search(index, 'سرت يونيو').map((hit) => hit.kind)).toEqual(['article']);
    // طرابلس is in the title, سرت in a paragraph: no single block has both.
    expect(search(index, 'طرابلس سرت', { kinds: ['article'] })).toEqual([]);
  });

  it('matches a quoted phrase in order only', () => {
    const index = library();
    expect(search(index, '"الحرب على طرابلس"').map((hit) => hit.articleId)).toEqual(['libya']);
    expect(search(index, '"طرابلس على الحرب"')).toEqual([]);
  });

  it('returns nothing for an empty or unsearchable query', () => {
    const index = library();
    for (const raw of ['', 'َُ', '.*(', '""']) expect(search(index, raw)).toEqual([]);
  });
});

describe('library search: highlights, notes and tags', () => {
  it('reports a highlight quote hit at the highlight passage', () => {
    const hits = search(library(), 'تنظيم', { kinds: ['highlight'] });
    expect(hits).toEqual([
      expect.objectContaining({ kind: 'highlight', highlightId: 'h1', snippet: 'تنظيم الدولة' }),
    ]);
    expect(canonicalText(LIBYA).slice(hits[0]?.start, hits[0]?.end)).toBe('تنظيم الدولة');
  });

  it("finds a highlight's note, reported at its passage", () => {
    const [hit] = search(library(), 'ليبيا', { kinds: ['note'] });
    expect(hit).toMatchObject({ kind: 'note', highlightId: 'h1', pieces: { match: 'ليبيا' } });
    expect(canonicalText(LIBYA).slice(hit?.start, hit?.end)).toBe('تنظيم الدولة');
  });

  it('shows a note hit without its Markdown', () => {
    const [hit] = search(library(), 'ليبيا', { kinds: ['note'] });
    expect(hit?.snippet).toBe('فشل التنظيم في ليبيا #إرهاب');
  });

  it("finds the article's own note, reported at 0, 0", () => {
    expect(search(library(), 'الأفريكوم', { kinds: ['note'] })).toEqual([
      expect.objectContaining({ articleId: 'libya', kind: 'note', start: 0, end: 0 }),
    ]);
  });

  it('finds a tag as part of the note that carries it', () => {
    expect(search(library(), 'ارهاب')).toEqual([
      expect.objectContaining({
        kind: 'note',
        highlightId: 'h1',
        pieces: expect.objectContaining({ match: 'إرهاب' }),
      }),
    ]);
    expect(search(library(), 'سياسه').map((hit) => [hit.articleId, hit.kind])).toEqual([['libya', 'note']]);
  });

  it('filters by tag, of the article or the highlight, compared normalised', () => {
    const index = library();
    expect(new Set(search(index, 'الحرب', { tag: 'سياسة' }).map((hit) => hit.articleId))).toEqual(
      new Set(['libya']),
    );
    expect(search(index, 'تنظيم', { tag: 'ارهاب' }).map((hit) => hit.kind)).toEqual(['highlight', 'note']);
    expect(search(index, 'الحرب', { tag: 'رياضة' })).toEqual([]);
  });
});

describe('library search: order and limits', () => {
  it('groups hits by article, the article with more matches first, then by position', () => {
    const hits = search(library(), 'الحرب');
    expect(hits.map((hit) => hit.articleId)).toEqual(['libya', 'libya', 'sahel']);
    expect(hits[0]?.start).toBeLessThan(hits[1]?.start ?? 0);
  });

  it('stops at the limit', () => {
    expect(search(library(), 'الحرب', { limit: 1 })).toHaveLength(1);
    expect(search(library(), 'الحرب', { limit: 0 })).toEqual([]);
  });

  it('marks the match inside a one-line snippet', () => {
    const [hit] = search(library(), 'مسئول');
    expect(hit?.pieces).toEqual({
      before: 'نُفّذت عمليات كثيرة في الساحل، وقال ',
      match: 'مسئول',
      after: ' إن الحرب لم تنته.',
    });
    expect(hit?.snippet).toBe(SAHEL[1]?.text);
  });

  it('re-parses a query parsed with another stemming setting', () => {
    const index = createLibraryIndex({ stem: true });
    index.addArticle(info('a'), [{ kind: 'paragraph', text: 'قيادة أفريكوم في ألمانيا' }]);
    expect(index.search(parseQuery('الأفريكوم')).map((hit) => hit.kind)).toEqual(['article']);
    expect(createLibraryIndex().search(parseQuery('الأفريكوم'))).toEqual([]);
  });
});

describe('library index: incremental updates', () => {
  it('replaces an article’s highlights without touching other articles', () => {
    const index = library();
    index.setHighlights('libya', [highlight('h3', 'libya', LIBYA, 'مدينة سرت')]);
    expect(search(index, 'تنظيم', { kinds: ['highlight', 'note'] })).toEqual([]);
    expect(search(index, 'مدينه', { kinds: ['highlight'] }).map((hit) => hit.highlightId)).toEqual(['h3']);
    expect(search(index, 'عمليات', { kinds: ['highlight'] }).map((hit) => hit.highlightId)).toEqual(['h2']);
  });

  it('no longer finds a removed article, its highlights or its notes', () => {
    const index = library();
    const before = index.stats();
    index.removeArticle('libya');
    expect(search(index, 'تنظيم')).toEqual([]);
    expect(search(index, 'الحرب').map((hit) => hit.articleId)).toEqual(['sahel']);
    expect(index.stats().articles).toBe(before.articles - 1);
    expect(index.stats().documents).toBeLessThan(before.documents);
  });

  it('replaces an article’s blocks when it is added again, keeping its highlights', () => {
    const index = library();
    index.addArticle(info('libya'), [{ kind: 'paragraph', text: 'نص جديد عن بنغازي' }]);
    expect(search(index, 'سرت', { kinds: ['article'] })).toEqual([]);
    expect(search(index, 'بنغازي').map((hit) => hit.start)).toEqual([11]);
    expect(search(index, 'تنظيم', { kinds: ['highlight'] })).toHaveLength(1);
  });

  it('replaces the article note and tags alone', () => {
    const index = library();
    index.setArticleInfo(info('libya', { note: 'ملاحظة أخرى', tags: ['تاريخ'] }));
    expect(search(index, 'الأفريكوم', { kinds: ['note'] })).toEqual([]);
    expect(search(index, 'تاريخ').map((hit) => hit.kind)).toEqual(['note']);
    expect(search(index, 'سرت', { tag: 'تاريخ', kinds: ['article'] })).toHaveLength(1);
  });

  it('stays correct through thousands of highlight saves (compaction)', () => {
    const index = library();
    for (let i = 0; i < 3000; i++) {
      index.setHighlights('sahel', [
        highlight(`s${i}`, 'sahel', SAHEL, 'عمليات كثيرة', { note: `ملاحظة ${i}` }),
      ]);
    }
    expect(search(index, 'عمليات', { kinds: ['highlight'] }).map((hit) => hit.highlightId)).toEqual([
      's2999',
    ]);
    expect(search(index, 'ملاحظه').map((hit) => hit.highlightId)).toEqual(['s2999']);
    expect(index.stats().documents).toBe(library().stats().documents + 1);
  });
});
