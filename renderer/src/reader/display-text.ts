/**
 * Showing an article without its vowel marks (tashkeel) is display only: the stored text keeps them, and
 * every offset the reader reports (selection, highlight, search hit) is an offset into the stored text.
 * This module builds the text shown and the two-way offset map between shown and stored text.
 */

/** Harakat, tanwin, shadda, sukun, dagger alef, Quranic annotation marks: U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED. */
export function isVowelMark(code: number): boolean {
  return (
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06dc) ||
    (code >= 0x06df && code <= 0x06e4) ||
    code === 0x06e7 ||
    code === 0x06e8 ||
    (code >= 0x06ea && code <= 0x06ed)
  );
}

export type DisplayText = {
  /** The text as shown. */
  text: string;
  /** toStored[d] = stored offset of the boundary before shown character d; toStored[text.length] = stored length. */
  toStored: Int32Array;
  /** toShown[s] = shown offset of stored boundary s (a boundary inside a run of marks maps to after them). */
  toShown: Int32Array;
};

/** The identity mapping, for text shown as stored. */
export function asStored(text: string): DisplayText {
  const identity = Int32Array.from({ length: text.length + 1 }, (_, i) => i);
  return { text, toStored: identity, toShown: identity };
}

/**
 * The text without vowel marks, with offset maps. A boundary between a letter and its marks maps to the end
 * of the marks, so a selection ending on a letter covers its harakat. A block made only of marks is shown
 * as it is (hiding everything would leave an empty, unselectable line).
 */
export function withoutVowelMarks(stored: string): DisplayText {
  let marks = 0;
  for (let i = 0; i < stored.length; i++) if (isVowelMark(stored.charCodeAt(i))) marks++;
  if (marks === 0 || marks === stored.length) return asStored(stored);
  const shown: string[] = [];
  const toStored = new Int32Array(stored.length - marks + 1);
  const toShown = new Int32Array(stored.length + 1);
  let d = 0;
  for (let s = 0; s < stored.length; s++) {
    if (isVowelMark(stored.charCodeAt(s))) {
      toShown[s] = d;
      continue;
    }
    toShown[s] = d;
    toStored[d] = s;
    shown.push(stored[s] ?? '');
    d++;
  }
  toShown[stored.length] = d;
  toStored[d] = stored.length;
  // A stored boundary just before a mark sits between a letter and its harakat: show it after them.
  for (let s = stored.length - 1; s >= 0; s--) {
    if (isVowelMark(stored.charCodeAt(s))) toShown[s] = toShown[s + 1] ?? d;
  }
  return { text: shown.join(''), toStored, toShown };
}
