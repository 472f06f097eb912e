import type { ReviewAnswer } from '../../../shared/contract';

/** What a key does during a review. */
export type ReviewAction = { kind: 'answer'; answer: ReviewAnswer } | { kind: 'next' | 'edit' | 'open' };

const ANSWER_KEYS: Record<string, ReviewAnswer> = {
  '1': 'keep',
  '2': 'less',
  '3': 'archive',
  // Arabic-Indic digits, as an Arabic keyboard layout may type them.
  '١': 'keep',
  '٢': 'less',
  '٣': 'archive',
};

/**
 * The review's keys: space next, 1–3 answer, e edit the note, o open the article. Letters are matched by
 * their physical key too, so they work on an Arabic layout (where the E key types ث). Keys with Ctrl, ⌘
 * or Alt are never the review's.
 */
export function reviewAction(event: {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): ReviewAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const answer = ANSWER_KEYS[event.key] ?? ANSWER_KEYS[event.code?.replace(/^(Digit|Numpad)/, '') ?? ''];
  if (answer) return { kind: 'answer', answer };
  if (event.key === ' ' || event.code === 'Space') return { kind: 'next' };
  if (event.key === 'e' || event.code === 'KeyE') return { kind: 'edit' };
  if (event.key === 'o' || event.code === 'KeyO') return { kind: 'open' };
  return null;
}
