import { describe, expect, it } from 'vitest';
import { offsetAtTop, scrollTopFor, type BlockBox } from './reading-position';

const boxes: BlockBox[] = [
  { start: 0, length: 40, top: 0, height: 50 },
  { start: 42, length: 400, top: 70, height: 300 },
  { start: 444, length: 100, top: 390, height: 100 },
];

describe('reading position', () => {
  it('is the start of the article at the top', () => {
    expect(offsetAtTop(boxes, 0)).toBe(0);
  });

  it('interpolates inside a block', () => {
    expect(offsetAtTop(boxes, 70 + 150)).toBe(42 + 200);
  });

  it('takes the next block when the top falls in the gap between blocks', () => {
    expect(offsetAtTop(boxes, 60)).toBe(42);
  });

  it('round-trips an offset through a scroll position', () => {
    for (const offset of [0, 42, 100, 300, 444, 500]) {
      expect(Math.abs(offsetAtTop(boxes, scrollTopFor(boxes, offset)) - offset)).toBeLessThanOrEqual(1);
    }
  });

  it('opens an article read from its start at the very top, above the first block', () => {
    expect(scrollTopFor([{ start: 0, length: 40, top: 40, height: 50 }], 0)).toBe(0);
  });

  it('clamps past the end', () => {
    expect(offsetAtTop(boxes, 10_000)).toBe(544);
    expect(scrollTopFor(boxes, 10_000)).toBe(490);
  });

  it('handles an empty article', () => {
    expect(offsetAtTop([], 100)).toBe(0);
    expect(scrollTopFor([], 100)).toBe(0);
  });
});
