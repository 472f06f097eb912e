import { describe, expect, it } from 'vitest';
import { reviewAction } from './review-keys';

describe('review keys', () => {
  it('answers with 1–3, in Latin or Arabic-Indic digits', () => {
    expect(reviewAction({ key: '1' })).toEqual({ kind: 'answer', answer: 'keep' });
    expect(reviewAction({ key: '٢' })).toEqual({ kind: 'answer', answer: 'less' });
    expect(reviewAction({ key: '&', code: 'Digit3' })).toEqual({ kind: 'answer', answer: 'archive' });
  });

  it('moves on with space, edits with e and opens with o, on any layout', () => {
    expect(reviewAction({ key: ' ' })).toEqual({ kind: 'next' });
    expect(reviewAction({ key: 'ث', code: 'KeyE' })).toEqual({ kind: 'edit' });
    expect(reviewAction({ key: 'o' })).toEqual({ kind: 'open' });
  });

  it('leaves keys with a modifier and other keys alone', () => {
    expect(reviewAction({ key: '1', ctrlKey: true })).toBeNull();
    expect(reviewAction({ key: 'o', metaKey: true })).toBeNull();
    expect(reviewAction({ key: 'x' })).toBeNull();
  });
});
