import { describe, expect, it } from 'vitest';
import { htmlNote } from './html-note';

// Every tag the note's HTML may hold; anything else would be markup the reader did not mean.
const ALLOWED_TAG = /^<\/?(p|strong|em|s|code|pre|ul|ol|li|blockquote|a|br|hr)(\s|>|\/)/;

function tags(html: string): string[] {
  return html.match(/<\/?[a-z][^>]*>/gi) ?? [];
}

describe('htmlNote', () => {
  it('shows bold, a link, code and a list formatted, with no Markdown left', () => {
    const html = htmlNote(
      '**مهم:** راجع [التقرير](https://example.com/report) و`grep -r` هنا.\n\n1. أولًا\n2. ثانيًا',
      'rtl',
    );
    expect(html).toBe(
      [
        '<p dir="auto"><strong>مهم:</strong> راجع <a href="https://example.com/report" rel="noopener noreferrer" dir="auto">التقرير</a> و<code dir="auto">grep -r</code> هنا.</p>',
        '<ol>',
        '<li dir="auto">أولًا</li>',
        '<li dir="auto">ثانيًا</li>',
        '</ol>',
      ].join('\n'),
    );
  });

  it('isolates the link and code inside an Arabic line so Latin never reorders it', () => {
    const html = htmlNote('المصدر [Reuters](https://reuters.com) قال `US AFRICOM` ذلك', 'rtl');
    expect(html).toContain('<a href="https://reuters.com" rel="noopener noreferrer" dir="auto">Reuters</a>');
    expect(html).toContain('<code dir="auto">US AFRICOM</code>');
  });

  it('sets right to left a block that opens in Latin and goes on in Arabic, in an Arabic article only', () => {
    expect(htmlNote('**Readwise** يقرأ هذا', 'rtl')).toBe(
      '<p dir="rtl"><strong>Readwise</strong> يقرأ هذا</p>',
    );
    expect(htmlNote('**Readwise** يقرأ هذا', 'ltr')).toBe(
      '<p dir="auto"><strong>Readwise</strong> يقرأ هذا</p>',
    );
    expect(htmlNote('English only, with **bold**', 'rtl')).toBe(
      '<p dir="auto">English only, with <strong>bold</strong></p>',
    );
  });

  it('keeps a single line break as <br>', () => {
    expect(htmlNote('سطر أول\nسطر ثان', 'rtl')).toBe('<p dir="auto">سطر أول<br>\nسطر ثان</p>');
  });

  it.each([
    ['a script', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an event handler', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['raw HTML block', '<div onclick="x()">نص</div>', '&lt;div onclick=&quot;x()&quot;&gt;نص&lt;/div&gt;'],
    ['a javascript: link', '[اضغط](javascript:alert(1))', '[اضغط](javascript:alert(1))'],
    ['a hidden javascript: link', '[x](java\tscript:alert(1))', '[x](java\tscript:alert(1))'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['a picture', '![صورة](https://evil.example/t.png)', 'صورة (https://evil.example/t.png)'],
    ['a fenced tag', '```\n<b>x</b>\n```', '<pre dir="ltr"><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>'],
  ])('shows %s as text, never markup', (_name, note, shown) => {
    const html = htmlNote(note, 'rtl');
    expect(html).toContain(shown);
    for (const tag of tags(html)) {
      expect(tag).toMatch(ALLOWED_TAG);
      expect(tag).not.toMatch(/\s(src|on\w+|style)\s*=/i);
      expect(tag).not.toMatch(/href="(?!https?:|mailto:)/i);
    }
  });

  it('turns a heading typed in a note into a bold paragraph, not a heading of the page', () => {
    expect(htmlNote('# عنوان', 'rtl')).toBe('<p class="note-heading" dir="auto">عنوان</p>');
  });

  it('writes a note nested deeper than the parser reads as plain paragraphs, losing nothing', () => {
    const deep = `${'>'.repeat(60)} عميق جدا`;
    const html = htmlNote(deep, 'rtl');
    expect(html).toContain('عميق جدا');
    expect(html).toContain('&gt;&gt;&gt;');
  });
});
