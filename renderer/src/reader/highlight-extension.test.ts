import { describe, expect, it } from 'vitest';
import type { Color } from '../../../shared/annotation-model';
import { highlightToExtend } from './highlight-extension';

const placed = (id: string, start: number, end: number, color: Color = 'yellow') => ({
  id,
  color,
  status: 'exact',
  start,
  end,
});

describe('which highlight a selection extends', () => {
  const list = [placed('a', 10, 20), placed('b', 40, 50, 'green')];

  it('extends a highlight the selection runs on from, touching its end or overlapping it', () => {
    expect(highlightToExtend(list, 20, 27, null)).toMatchObject({
      highlight: { id: 'a' },
      start: 10,
      end: 27,
    });
    expect(highlightToExtend(list, 15, 27, null)).toMatchObject({
      highlight: { id: 'a' },
      start: 10,
      end: 27,
    });
    expect(highlightToExtend(list, 4, 10, null)).toMatchObject({ highlight: { id: 'a' }, start: 4, end: 20 });
    // A selection taking the whole highlight and more grows it to the selection.
    expect(highlightToExtend(list, 8, 22, null)).toMatchObject({ start: 8, end: 22 });
  });

  it('makes a highlight of its own when apart, or nested inside one', () => {
    expect(highlightToExtend(list, 22, 30, null)).toBeNull();
    expect(highlightToExtend(list, 12, 18, null)).toBeNull();
    expect(highlightToExtend(list, 10, 20, null)).toBeNull();
  });

  it('extends only a highlight of the colour named, but any with the last-colour key', () => {
    expect(highlightToExtend(list, 45, 60, 'blue')).toBeNull();
    expect(highlightToExtend(list, 45, 60, 'green')).toMatchObject({ highlight: { id: 'b' }, end: 60 });
    expect(highlightToExtend(list, 45, 60, null)).toMatchObject({ highlight: { id: 'b' } });
  });

  it('takes the highlight sharing the most text, and never an orphan', () => {
    expect(highlightToExtend(list, 18, 45, null)).toMatchObject({
      highlight: { id: 'b' },
      start: 18,
      end: 50,
    });
    const orphan = { ...placed('o', 10, 20), status: 'orphan' };
    expect(highlightToExtend([orphan], 15, 30, null)).toBeNull();
  });
});
