import { describe, expect, it } from 'vitest';
import { highlightChanges } from './highlight-changes';

const yellow = { id: 'a', color: 'yellow', note: '' } as const;
const green = { id: 'b', color: 'green', note: 'ملاحظة' } as const;

describe('highlight announcements', () => {
  it('reports a new highlight with its colour and whether it has a note', () => {
    expect(highlightChanges([yellow], [yellow, green])).toEqual([
      { kind: 'added', color: 'green', hasNote: true },
    ]);
  });

  it('reports a deleted highlight and a change of colour', () => {
    expect(highlightChanges([yellow, green], [{ ...yellow, color: 'pink' }])).toEqual([
      { kind: 'recoloured', color: 'pink' },
      { kind: 'removed', color: 'green' },
    ]);
  });

  it('reports a highlight whose passage was extended', () => {
    const placed = { ...yellow, start: 10, end: 20 };
    expect(highlightChanges([placed], [{ ...placed, end: 27 }])).toEqual([
      { kind: 'extended', color: 'yellow' },
    ]);
  });

  it('says nothing when only a note changed', () => {
    expect(highlightChanges([yellow], [{ ...yellow, note: 'جديد' }])).toEqual([]);
  });
});
