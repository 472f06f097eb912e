import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTarget, resolveTarget } from './anchor';

const ARTICLE = readFileSync(new URL('../../data/article-ar.txt', import.meta.url), 'utf8').replace(
  /\r\n/g,
  '\n',
);

/** Characters an edit may add: letters, harakat, tatweel, digits, Latin, spaces, line breaks, a joiner. */
const EDIT_UNITS = [
  ...'ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآؤئء',
  '\u064E',
  '\u0650',
  '\u0651',
  'ـ',
  '٣',
  '7',
  'x',
  ' ',
  '\n',
  '\u200C',
];

type Edit = { before: boolean; at: number; remove: number; insert: string };

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  before: fc.boolean(),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.string({ unit: fc.constantFrom(...EDIT_UNITS), maxLength: 30 }),
});

/** Applies an edit strictly outside [start, end) and returns the new text and where the passage went. */
function applyOutside(text: string, start: number, end: number, edit: Edit) {
  const [low, high] = edit.before ? [0, start] : [end, text.length];
  const at = low + Math.floor(edit.at * (high - low));
  const removed = Math.min(edit.remove, high - at);
  const next = text.slice(0, at) + edit.insert + text.slice(at + removed);
  const shift = edit.before ? edit.insert.length - removed : 0;
  return { text: next, start: start + shift, end: end + shift };
}

describe('resolveTarget under random edits', () => {
  it('never changes the resolved text of a passage when inserts, deletes and replaces happen outside it', () => {
    // Passages of 30+ characters: shorter quotes deliberately become orphans once both sides of their
    // context are rewritten, which random edits next to them may do.
    const passage = fc
      .record({ start: fc.nat({ max: ARTICLE.length - 100 }), length: fc.integer({ min: 30, max: 90 }) })
      .filter(({ start, length }) => {
        const quote = ARTICLE.slice(start, start + length);
        return ARTICLE.indexOf(quote) === ARTICLE.lastIndexOf(quote);
      });
    fc.assert(
      fc.property(
        passage,
        fc.array(editArbitrary, { minLength: 1, maxLength: 12 }),
        ({ start, length }, edits) => {
          const target = describeTarget(ARTICLE, start, start + length);
          let state = { text: ARTICLE, start, end: start + length };
          for (const edit of edits) state = applyOutside(state.text, state.start, state.end, edit);
          const result = resolveTarget(state.text, target);
          expect(result.status).not.toBe('orphan');
          expect(state.text.slice(result.start, result.end)).toBe(target.exact);
          expect(result.start).toBe(state.start);
        },
      ),
      { numRuns: 300 },
    );
  });
});
