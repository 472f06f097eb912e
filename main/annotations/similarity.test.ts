import { describe, expect, it } from 'vitest';
import { editDistance, similarity } from './similarity';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['سرت', '', 3],
    ['', 'سرت', 3],
    ['سرت', 'سرت', 0],
    ['درنة', 'درنه', 1],
    ['الأمريكيين', 'الامريكين', 2],
    ['kitten', 'sitting', 3],
  ])('%s → %s costs %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('similarity', () => {
  it('is 1 for equal strings, including two empty ones', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('ليبيا', 'ليبيا')).toBe(1);
  });

  it('is 0 for strings with nothing in common', () => {
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', 'xyz')).toBe(0);
  });

  it('scales one edit by the longer length', () => {
    expect(similarity('درنة', 'درنه')).toBe(0.75);
  });
});
