import { describe, expect, it } from 'vitest';
import { snapToWords } from './word-snap';

/**
 * The text saved once snapped, for a drag from inside `from` (after its first `cut` characters) to inside
 * `to` (before its last `cut` characters).
 */
function snapped(text: string, from: string, to: string, cut = 2): string {
  const start = text.indexOf(from) + cut;
  const end = text.indexOf(to) + to.length - cut;
  const span = snapToWords(text, start, end);
  return text.slice(span.start, span.end);
}

describe('snapping a mouse selection to whole words', () => {
  it('takes both words whole when a drag starts and ends inside them', () => {
    const text = 'وأعلنت القيادة العسكرية الأمريكية أمس';
    expect(snapped(text, 'القيادة', 'العسكرية', 3)).toBe('القيادة العسكرية');
  });

  it('keeps every haraka, shadda and tanwin of a vocalised word', () => {
    const text = 'قَالَتِ القِيَادَةُ العَسْكَرِيَّةُ إِنَّ الغَارَةَ أَصَابَتْ هَدَفًا.';
    expect(snapped(text, 'القِيَادَةُ', 'العَسْكَرِيَّةُ', 4)).toBe('القِيَادَةُ العَسْكَرِيَّةُ');
    // Cut between a letter and its harakat: the marks stay with their letter.
    const at = text.indexOf('هَدَفًا');
    expect(text.slice(...Object.values(snapToWords(text, at + 5, at + 6)))).toBe('هَدَفًا');
  });

  it('keeps the clitics written joined to a word: و ف ب ل ال', () => {
    const text = 'ذهب وبالقلم فكتب للطلاب والمعلمين';
    expect(snapped(text, 'وبالقلم', 'فكتب', 2)).toBe('وبالقلم فكتب');
    expect(snapped(text, 'للطلاب', 'والمعلمين', 3)).toBe('للطلاب والمعلمين');
    // A drag starting on the clitic itself takes the word it is part of.
    const at = text.indexOf('والمعلمين');
    expect(text.slice(...Object.values(snapToWords(text, at, at + 1)))).toBe('والمعلمين');
  });

  it('takes numbers whole, with their decimal point, and a digit joined to a clitic', () => {
    const text = 'قتل 19 عنصرا من أصل 3.5 مليون و24 من سبتمبر';
    expect(snapped(text, '3.5', 'مليون', 1)).toBe('3.5 مليون');
    const at = text.indexOf('19');
    expect(text.slice(...Object.values(snapToWords(text, at + 1, at + 2)))).toBe('19');
    expect(snapped(text, 'و24', 'و24', 1)).toBe('و24');
  });

  it('takes a Latin word inside Arabic text as a word of its own', () => {
    const text = 'قالت القيادة US AFRICOM في بيان';
    expect(snapped(text, 'AFRICOM', 'AFRICOM', 3)).toBe('AFRICOM');
    expect(snapped(text, 'القيادة', 'AFRICOM', 3)).toBe('القيادة US AFRICOM');
  });

  it('stops at punctuation and quotes around a word, and drops spaces at the ends', () => {
    const text = 'أكدت “الأفريكوم” ذلك، ثم   انتهى';
    expect(snapped(text, 'الأفريكوم', 'الأفريكوم', 3)).toBe('الأفريكوم');
    expect(snapped(text, 'ذلك', 'ذلك', 1)).toBe('ذلك');
    const spaces = text.indexOf('   ');
    expect(snapToWords(text, spaces, text.length)).toEqual({ start: spaces + 3, end: text.length });
    // Spaces alone stay as they were: there is no word to take.
    expect(snapToWords(text, spaces, spaces + 2)).toEqual({ start: spaces, end: spaces + 2 });
  });

  it('leaves a selection that is already whole words unchanged, and works across paragraphs', () => {
    const text = 'الفقرة الأولى\n\nالفقرة الثانية';
    expect(snapToWords(text, 0, 6)).toEqual({ start: 0, end: 6 });
    const end = text.indexOf('الثانية') + 2;
    expect(text.slice(...Object.values(snapToWords(text, 9, end)))).toBe('الأولى\n\nالفقرة الثانية');
  });
});
