import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksInWindow, stackNotes, type MarginItem } from './margin-layout';

const GAP = 8;

function overlaps(items: readonly MarginItem[], tops: readonly number[]): boolean {
  return items.some((item, i) => i > 0 && (tops[i] ?? 0) < (tops[i - 1] ?? 0) + (items[i - 1]?.height ?? 0));
}

describe('stacking margin notes', () => {
  it('puts each note at its passage when there is room', () => {
    const items = [
      { id: 'a', anchor: 0, height: 40 },
      { id: 'b', anchor: 100, height: 40 },
      { id: 'c', anchor: 300, height: 40 },
    ];
    expect(stackNotes(items, GAP).map((p) => p.top)).toEqual([0, 100, 300]);
  });

  it('pushes a note down below the one before it when two would collide', () => {
    const items = [
      { id: 'a', anchor: 0, height: 60 },
      { id: 'b', anchor: 20, height: 40 },
      { id: 'c', anchor: 40, height: 40 },
      { id: 'd', anchor: 500, height: 40 },
    ];
    expect(stackNotes(items, GAP).map((p) => p.top)).toEqual([0, 68, 116, 500]);
  });

  it('keeps the raised note at its passage and moves the ones before it up', () => {
    const items = [
      { id: 'a', anchor: 100, height: 50 },
      { id: 'b', anchor: 120, height: 50 },
      { id: 'c', anchor: 140, height: 50 },
    ];
    const placed = stackNotes(items, GAP, 'b');
    expect(placed.map((p) => p.top)).toEqual([62, 120, 178]);
  });

  it('leaves the notes before the raised one at their places when they are clear of it', () => {
    const items = [
      { id: 'a', anchor: 240, height: 80 },
      { id: 'b', anchor: 240, height: 60 },
      { id: 'c', anchor: 447, height: 140 },
    ];
    expect(stackNotes(items, GAP, 'c').map((p) => p.top)).toEqual([240, 328, 447]);
  });

  it('moves the stack down again when the notes above the raised one reach the top edge', () => {
    const items = [
      { id: 'a', anchor: 0, height: 50 },
      { id: 'b', anchor: 10, height: 50 },
    ];
    expect(stackNotes(items, GAP, 'b').map((p) => p.top)).toEqual([0, 58]);
  });

  it('never overlaps, keeps reading order and never places a note above its passage unless raised', () => {
    const item = fc.record({
      anchor: fc.integer({ min: 0, max: 5000 }),
      height: fc.integer({ min: 1, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.option(fc.nat(59)), (raw, raisedIndex) => {
        const items = raw
          .sort((a, b) => a.anchor - b.anchor)
          .map((r, i) => ({ id: String(i), anchor: r.anchor, height: r.height }));
        const raised = raisedIndex !== null && raisedIndex < items.length ? String(raisedIndex) : null;
        const placed = stackNotes(items, GAP, raised);
        const tops = placed.map((p) => p.top);
        expect(placed.map((p) => p.id)).toEqual(items.map((i) => i.id));
        expect(overlaps(items, tops)).toBe(false);
        for (const [i, top] of tops.entries()) {
          expect(top).toBeGreaterThanOrEqual(0);
          if (raised === null) expect(top).toBeGreaterThanOrEqual(items[i]?.anchor ?? 0);
        }
      }),
    );
  });
});

describe('finding the blocks near the viewport', () => {
  const tops = [0, 100, 250, 400, 900, 1000];
  const topOf = (i: number) => tops[i] ?? Infinity;

  it('takes the block the window starts inside and every block starting before its end', () => {
    expect(blocksInWindow(tops.length, topOf, 300, 950)).toEqual([2, 4]);
  });

  it('reads only a few block positions in a long article', () => {
    let reads = 0;
    const many = (i: number) => {
      reads++;
      return i * 50;
    };
    expect(blocksInWindow(100_000, many, 1_000_000, 1_001_000)).toEqual([20_000, 20_020]);
    expect(reads).toBeLessThan(60);
  });

  it('finds nothing in an empty article', () => {
    expect(blocksInWindow(0, topOf, 0, 100)).toBeNull();
  });
});
