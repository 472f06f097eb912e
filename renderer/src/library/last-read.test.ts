import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/contract';
import { lastRead } from './last-read';

function article(id: string, lastReadAt: string | null): ArticleSummary {
  return {
    id,
    title: id,
    lang: 'ar',
    dir: 'rtl',
    firstLine: '',
    tags: [],
    highlights: 0,
    importedAt: '2026-01-01T00:00:00.000Z',
    progress: lastReadAt ? { offset: 10, fraction: 0.2 } : null,
    lastReadAt,
  };
}

describe('continue where you left off', () => {
  it('picks the article read most recently', () => {
    const articles = [
      article('a', '2026-03-01T10:00:00.000Z'),
      article('b', null),
      article('c', '2026-03-02T08:00:00.000Z'),
    ];
    expect(lastRead(articles)?.id).toBe('c');
  });

  it('offers nothing when no article was read yet', () => {
    expect(lastRead([article('a', null)])).toBeNull();
    expect(lastRead([])).toBeNull();
  });
});
