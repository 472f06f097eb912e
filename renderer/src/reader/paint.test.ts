import { describe, expect, it } from 'vitest';
import { overlaps } from './paint';

describe('overlaps', () => {
  it('finds the part two highlights share', () => {
    expect(
      overlaps([
        { id: 'a', color: 'yellow', start: 0, end: 10 },
        { id: 'b', color: 'green', start: 5, end: 15 },
      ]),
    ).toEqual([{ start: 5, end: 10 }]);
  });

  it('finds a nested highlight', () => {
    expect(
      overlaps([
        { id: 'a', color: 'yellow', start: 0, end: 20 },
        { id: 'b', color: 'blue', start: 5, end: 8 },
      ]),
    ).toEqual([{ start: 5, end: 8 }]);
  });

  it('does not count highlights that only touch', () => {
    expect(
      overlaps([
        { id: 'a', color: 'yellow', start: 0, end: 5 },
        { id: 'b', color: 'blue', start: 5, end: 8 },
      ]),
    ).toEqual([]);
  });

  it('merges a run covered by three highlights', () => {
    expect(
      overlaps([
        { id: 'a', color: 'yellow', start: 0, end: 10 },
        { id: 'b', color: 'blue', start: 2, end: 6 },
        { id: 'c', color: 'pink', start: 4, end: 8 },
      ]),
    ).toEqual([{ start: 2, end: 8 }]);
  });
});
