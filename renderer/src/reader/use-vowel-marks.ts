import { useMemo, useState } from 'react';
import type { Block } from '../../../shared/article-model';
import { withoutVowelMarks, type DisplayText } from './display-text';
import type { Displays } from './dom-offsets';

// Harakat, tanwin, shadda, sukun, dagger alef: an article with them gets the "hide vowel marks" toggle.
const VOWEL_MARK = /[\u064B-\u0652\u0670]/;

/**
 * The "hide vowel marks" toggle. Hiding is display only: `displays` maps every shown offset back to the
 * stored text, so selections and highlights keep their offsets (undefined while the marks are shown).
 */
export function useVowelMarks(blocks: readonly Block[]) {
  const hasMarks = useMemo(() => blocks.some((b) => VOWEL_MARK.test(b.text)), [blocks]);
  const [hideMarks, setHideMarks] = useState(false);
  const displays = useMemo<Displays | undefined>(() => {
    if (!hideMarks) return undefined;
    const cache = new Map<number, DisplayText>();
    return (index) => {
      const block = blocks[index];
      if (!block) return undefined;
      let display = cache.get(index);
      if (!display) cache.set(index, (display = withoutVowelMarks(block.text)));
      return display;
    };
  }, [hideMarks, blocks]);
  const toggleMarks = () => setHideMarks((hidden) => !hidden);
  return { hasMarks, hideMarks, toggleMarks, displays };
}
