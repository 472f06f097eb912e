import { describe, expect, it } from 'vitest';
import { LARGE_PAGE, parseHtml } from './html-import';

describe('a large page that marks its article', () => {
  it('is read from its <article> without the chrome around it', () => {
    const paragraph = '<p>فقرة طويلة من نص المقالة تتكرر لتكبير الصفحة إلى ما فوق الحد الكبير للصفحات.</p>';
    const body = paragraph.repeat(Math.ceil(LARGE_PAGE / paragraph.length) + 10);
    const html = `<html><head><title>عنوان الصفحة</title></head><body>
      <nav><a href="/a">الرئيسية</a><a href="/b">سياسة</a></nav>
      <article><h1>عنوان المقالة</h1>${body}</article>
      <aside class="related"><h3>مقالات ذات صلة</h3><a href="/c">خبر آخر</a></aside>
      <footer>جميع الحقوق محفوظة</footer></body></html>`;
    const { title, blocks } = parseHtml(html, 'big.html');
    expect(title).toBe('عنوان المقالة');
    const text = blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/الرئيسية|مقالات ذات صلة|جميع الحقوق/);
    expect(blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThan(1000);
  });
});
