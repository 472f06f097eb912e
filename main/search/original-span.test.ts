import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic, toOriginalSpan } from '../text';
import { originalSpan } from './original-span';

// Plain letters, marks, tatweel, ligatures, controls, CR/LF, a prepended mark, emoji with ZWJ, flags.
const PIECES = [
  ...'سرتكبلاي ',
  'a',
  'Z',
  '.',
  '١',
  '،',
  '\u064E',
  '\u0651',
  '\u0670',
  '\u0654',
  'ـ',
  'ﻻ',
  'ﷺ',
  'ﺋ',
  '\u200D',
  '\u200F',
  '\r',
  '\n',
  '\u0600',
  '\u0301',
  '😀',
  '\u{1F1F1}\u{1F1FE}',
  'e\u0301',
];

describe('originalSpan', () => {
  it('gives the same span as toOriginalSpan for every hit in any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (pieces, a, b) => {
          const norm = normalizeArabic(pieces.join(''));
          fc.pre(norm.text.length > 0);
          const start = a % norm.text.length;
          const end = start + 1 + (b % (norm.text.length - start));
          expect(originalSpan(norm, start, end)).toEqual(toOriginalSpan(norm, start, end));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('maps a plain Arabic hit without widening it', () => {
    const norm = normalizeArabic('في سرت اليوم');
    expect(originalSpan(norm, 3, 6)).toEqual({ start: 3, end: 6 });
  });
});
