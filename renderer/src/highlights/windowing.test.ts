import { describe, expect, it } from 'vitest';
import { visibleRange } from './windowing';

describe('the rows a viewport shows', () => {
  it('covers the viewport plus a few rows each side', () => {
    expect(visibleRange(0, 500, 100, 10_000, 2)).toEqual({ first: 0, last: 6 });
    expect(visibleRange(1000, 500, 100, 10_000, 2)).toEqual({ first: 8, last: 16 });
  });

  it('stops at the end of the list, and is empty for an empty list', () => {
    expect(visibleRange(999_500, 500, 100, 10_000, 2).last).toBe(9_999);
    // A list that shrank under a viewport scrolled far down still shows its last row.
    expect(visibleRange(5_000_000, 500, 100, 10_000, 2)).toEqual({ first: 9_999, last: 9_999 });
    expect(visibleRange(0, 500, 100, 0)).toEqual({ first: 0, last: -1 });
  });
});
