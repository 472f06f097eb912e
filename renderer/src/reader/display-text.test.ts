import { describe, expect, it } from 'vitest';
import { asStored, withoutVowelMarks } from './display-text';

const VERSE = 'بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ';

/** Maps a shown span back to stored offsets, as a selection or highlight does. */
function storedSpan(stored: string, shownStart: number, shownEnd: number): string {
  const display = withoutVowelMarks(stored);
  return stored.slice(display.toStored[shownStart], display.toStored[shownEnd]);
}

describe('display text without vowel marks', () => {
  it('removes every mark of a fully vocalised verse', () => {
    expect(withoutVowelMarks(VERSE).text).toBe('بسم الله الرحمن الرحيم');
  });

  it('maps a shown word back to the stored word with all its marks', () => {
    const shown = withoutVowelMarks(VERSE).text;
    const at = shown.indexOf('الله');
    expect(storedSpan(VERSE, at, at + 4)).toBe('اللَّهِ');
    const last = shown.indexOf('الرحيم');
    expect(storedSpan(VERSE, last, last + 6)).toBe('الرَّحِيمِ');
  });

  it('maps every stored boundary to a shown one and back onto a letter boundary', () => {
    const display = withoutVowelMarks(VERSE);
    for (let s = 0; s <= VERSE.length; s++) {
      const d = display.toShown[s] ?? -1;
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(display.text.length);
      const back = display.toStored[d] ?? -1;
      // Back on the stored text at a letter (or the end), never between a letter and its marks.
      expect(back === VERSE.length || !/[\u064B-\u065F\u0670]/.test(VERSE[back] ?? '')).toBe(true);
      expect(back).toBeGreaterThanOrEqual(s);
    }
  });

  it('is monotonic both ways', () => {
    const display = withoutVowelMarks(VERSE);
    for (let i = 1; i < display.toStored.length; i++)
      expect(display.toStored[i]).toBeGreaterThan(display.toStored[i - 1] ?? -1);
    for (let i = 1; i < display.toShown.length; i++)
      expect(display.toShown[i]).toBeGreaterThanOrEqual(display.toShown[i - 1] ?? 0);
  });

  it('leaves a text without marks as it is', () => {
    const text = 'فشل “تنظيم الدولة” خلال 6 سنوات';
    expect(withoutVowelMarks(text)).toEqual(asStored(text));
  });

  it('shows a text made only of marks as it is', () => {
    expect(withoutVowelMarks('\u064E\u0650\u0651').text).toBe('\u064E\u0650\u0651');
  });

  it('hides marks at the start of a block', () => {
    const display = withoutVowelMarks('\u064Eكتب');
    expect(display.text).toBe('كتب');
    expect(display.toStored[0]).toBe(1);
    expect(display.toShown[0]).toBe(0);
  });

  it('keeps Latin and digits untouched', () => {
    const text = 'قُتِلَ 19 عنصرا US AFRICOM';
    const display = withoutVowelMarks(text);
    expect(display.text).toBe('قتل 19 عنصرا US AFRICOM');
    const at = display.text.indexOf('US AFRICOM');
    expect(text.slice(display.toStored[at], display.toStored[at + 10])).toBe('US AFRICOM');
  });
});
