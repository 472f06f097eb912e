import { describe, expect, it } from 'vitest';
import { inReadingOrder } from './reading-order';
import type { ExportHighlight } from './types';
import { compareReadingOrder, type AnchorStatus } from '../../shared/annotation-model';

function placed(
  id: string,
  start: number,
  end: number,
  status: AnchorStatus = 'exact',
  createdAt = '2025-01-01',
): ExportHighlight {
  const orphan = status === 'orphan';
  return {
    id,
    articleId: 'a',
    color: 'yellow',
    target: { start, end, exact: 'x', prefix: '', suffix: '' },
    note: '',
    tags: [],
    createdAt,
    updatedAt: createdAt,
    status,
    start: orphan ? -1 : start,
    end: orphan ? -1 : end,
  };
}

const LIST = [
  placed('orphan-late', 50, 60, 'orphan'),
  placed('inner', 10, 15),
  placed('later', 20, 25),
  placed('outer', 10, 30),
  placed('orphan-early', 5, 8, 'orphan'),
  placed('twin-b', 40, 45, 'exact', '2025-01-02'),
  placed('twin-a', 40, 45, 'exact', '2025-01-02'),
  placed('first-made', 40, 45, 'exact', '2025-01-01'),
];
const ORDER = ['outer', 'inner', 'later', 'first-made', 'twin-a', 'twin-b', 'orphan-early', 'orphan-late'];

describe('one reading order for the notes panel and the exports', () => {
  it('puts the enclosing highlight before the one it encloses, orphans last by their old place', () => {
    expect([...LIST].sort(compareReadingOrder).map((h) => h.id)).toEqual(ORDER);
  });

  it('is the order of every export, whatever order the store kept', () => {
    for (const list of [LIST, [...LIST].reverse()]) {
      const { anchored, orphans } = inReadingOrder(list);
      expect([...anchored, ...orphans].map((h) => h.id)).toEqual(ORDER);
    }
  });
});
