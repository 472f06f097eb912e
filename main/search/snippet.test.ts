import { describe, expect, it } from 'vitest';
import { makeSnippet, SNIPPET_CONTEXT } from './snippet';

function pieces(text: string, match: string) {
  const start = text.indexOf(match);
  return makeSnippet(text, start, start + match.length);
}

describe('makeSnippet', () => {
  it('returns the whole of a short text, in pieces around the match', () => {
    expect(pieces('الحرب على طرابلس', 'على')).toEqual({ before: 'الحرب ', match: 'على', after: ' طرابلس' });
  });

  it('cuts long context at word boundaries and marks the cuts', () => {
    const words = Array.from({ length: 30 }, (_, i) => `كلمة${i}`);
    const text = [...words, 'الهدف', ...words].join(' ');
    const { before, match, after } = pieces(text, 'الهدف');
    expect(match).toBe('الهدف');
    expect(before.startsWith('…كلمة')).toBe(true);
    expect(after.endsWith('…')).toBe(true);
    expect(before.length - 1).toBeLessThanOrEqual(SNIPPET_CONTEXT);
    expect(after.length - 1).toBeLessThanOrEqual(SNIPPET_CONTEXT);
    // Whole words only: every word shown is one of the text's words.
    for (const word of `${before.slice(1)}${after.slice(0, -1)}`.split(' ').filter(Boolean)) {
      expect(words).toContain(word);
    }
  });

  it('puts a note on one line', () => {
    expect(pieces('سطر أول\n\nسطر\tثان', 'ثان')).toEqual({ before: 'سطر أول سطر ', match: 'ثان', after: '' });
  });

  it('never separates a letter from its harakat when a long word must be cut', () => {
    const text = `${'كَتَبَ'.repeat(30)} هدف`;
    const { before } = pieces(text, 'هدف');
    expect(before.startsWith('…')).toBe(true);
    expect(before.slice(1)).toMatch(/^[^\u064B-\u065F]/u);
    expect(before.length).toBeGreaterThan(SNIPPET_CONTEXT / 2);
  });
});
