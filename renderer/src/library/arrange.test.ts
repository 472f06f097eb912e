import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/contract';
import { arrange, foldTitle } from './arrange';

const article = (
  id: string,
  title: string,
  importedAt: string,
  lastReadAt: string | null,
  tags: string[] = [],
): ArticleSummary => ({
  id,
  title,
  lang: 'ar',
  dir: 'rtl',
  firstLine: '',
  tags,
  highlights: 0,
  importedAt,
  progress: null,
  lastReadAt,
});

const LIBRARY = [
  article('a', 'الأفريكوم: الحرب على طرابلس', '2026-01-02', '2026-03-01', ['ليبيا']),
  article('b', 'ثقافة القراءة', '2026-02-01', null),
  article('c', 'Economy of Libya', '2026-01-15', '2026-04-01', ['ليبيا', 'economy']),
];
const collator = new Intl.Collator('ar');

describe('arranging the library', () => {
  it('sorts by date added, newest first', () => {
    expect(arrange(LIBRARY, { query: '', tag: '', sort: 'date', collator }).map((a) => a.id)).toEqual([
      'b',
      'c',
      'a',
    ]);
  });

  it('sorts by last read, unread last', () => {
    expect(arrange(LIBRARY, { query: '', tag: '', sort: 'read', collator }).map((a) => a.id)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });

  it('sorts by title', () => {
    expect(arrange(LIBRARY, { query: '', tag: '', sort: 'title', collator }).map((a) => a.id)).toHaveLength(
      3,
    );
  });

  it('finds titles whatever the hamza or case', () => {
    expect(
      arrange(LIBRARY, { query: 'الافريكوم', tag: '', sort: 'date', collator }).map((a) => a.id),
    ).toEqual(['a']);
    expect(arrange(LIBRARY, { query: 'LIBYA', tag: '', sort: 'date', collator }).map((a) => a.id)).toEqual([
      'c',
    ]);
  });

  it('filters by tag', () => {
    expect(arrange(LIBRARY, { query: '', tag: 'ليبيا', sort: 'date', collator }).map((a) => a.id)).toEqual([
      'c',
      'a',
    ]);
  });

  it('folds diacritics and tatweel', () => {
    expect(foldTitle('الـقِـراءة')).toBe('القراءه');
  });
});
