import { expect, it } from 'vitest';
import { mergeDocs } from './merge';

const highlight = (note: string, noteConflicts?: string[]) => ({
  type: 'highlight',
  note,
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...(noteConflicts && { noteConflicts }),
});

it('keeps a conflict resolved on one side resolved, while the other side changed the note', () => {
  const base = highlight('نص أول', ['نص ثان']);
  const resolved = highlight('نص متفق عليه'); // the person chose a text here
  const editedThere = highlight('نص أول معدل', ['نص ثان']); // the other computer kept working
  const merged = mergeDocs(base, resolved, editedThere);
  expect(merged.note).toBe('نص متفق عليه');
  expect(merged.noteConflicts).toEqual(['نص أول معدل']);
});

it('keeps every text set aside when no ancestor is known, and each one only once', () => {
  const merged = mergeDocs(null, highlight('أ', ['ب']), highlight('أ', ['ب', 'ج']));
  expect(merged.noteConflicts).toEqual(['ب', 'ج']);
});

it('keeps a text set aside by one side since the ancestor', () => {
  const base = highlight('نص');
  const merged = mergeDocs(base, highlight('نص'), highlight('نص', ['نص آخر']));
  expect(merged.noteConflicts).toEqual(['نص آخر']);
});
