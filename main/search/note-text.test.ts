import { describe, expect, it } from 'vitest';
import { plainNoteText } from './note-text';

describe('plainNoteText', () => {
  it.each([
    ['bold and a colon', '**مهم:** العنوان والفقرة', 'مهم: العنوان والفقرة'],
    ['a link', 'راجع [التقرير الكامل](https://example.com/r) غدا', 'راجع التقرير الكامل غدا'],
    ['code', 'الكلمة `سوريا` لا ليبيا', 'الكلمة سوريا لا ليبيا'],
    ['a list and a quote', '- أولًا\n- ثانيًا\n\n> اقتباس', 'أولًا\nثانيًا\nاقتباس'],
    ['a heading', '## ملخص', 'ملخص'],
    ['a picture', '![خريطة ليبيا](map.png)', 'خريطة ليبيا'],
  ])('strips %s', (_name, note, plain) => {
    expect(plainNoteText(note)).toBe(plain);
  });

  it('keeps raw HTML and a refused link as the text they are', () => {
    expect(plainNoteText('<b>x</b> [y](javascript:alert(1))')).toBe('<b>x</b> [y](javascript:alert(1))');
  });

  it('returns a note without Markdown unchanged', () => {
    const note = 'قال "كارنس"، وهو مسؤول, إن المراقبة مستمرة; "لا ضربات".\nسطر ثان';
    expect(plainNoteText(note)).toBe(note);
  });
});
