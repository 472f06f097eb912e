import type { HighlightEntry } from '../../../shared/contract';

/** A highlight as listAllHighlights returns it, for component tests. */
export function entry(n: number, over: Partial<HighlightEntry> = {}): HighlightEntry {
  return {
    id: `h${n}`,
    articleId: `a${n % 500}`,
    color: 'yellow',
    target: { start: n, end: n + 5, exact: `مقطع رقم ${n}`, prefix: 'قبل ', suffix: ' بعد' },
    note: n % 2 === 0 ? `ملاحظة **${n}**` : '',
    tags: [],
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    status: 'exact',
    start: n,
    end: n + 5,
    articleTitle: `مقالة ${n % 500}`,
    articleDir: 'rtl',
    review: null,
    ...over,
  };
}
