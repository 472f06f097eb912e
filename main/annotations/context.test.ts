import { describe, expect, it } from 'vitest';
import { prefixSimilarity, reachedEdge, suffixSimilarity } from './context';

describe('context comparison', () => {
  it('treats a side shorter than the context length as reaching the edge of the text', () => {
    expect(reachedEdge('')).toBe(true);
    expect(reachedEdge('ا'.repeat(31))).toBe(false);
  });

  it('compares a full prefix with the same number of characters before the candidate', () => {
    expect(prefixSimilarity('في ليبيا', false, 'قال إنه في ليبيا', false)).toBe(1);
    expect(suffixSimilarity('في ليبيا', false, 'في ليبيا الآن', false)).toBe(1);
  });

  it('matches an empty prefix only at the start of the text', () => {
    expect(prefixSimilarity('', true, '', true)).toBe(1);
    expect(prefixSimilarity('', true, 'نص سابق ', true)).toBe(0);
    expect(prefixSimilarity('', true, 'نص سابق ', false)).toBe(0);
  });

  it('matches an empty suffix only at the end of the text', () => {
    expect(suffixSimilarity('', true, '', true)).toBe(1);
    expect(suffixSimilarity('', true, ' ونص لاحق', true)).toBe(0);
  });

  it('counts a short prefix that still matches, away from the edge, as nearly similar', () => {
    expect(prefixSimilarity('في ', true, 'نص في ', true)).toBe(0.75);
  });
});
