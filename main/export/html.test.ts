import { describe, expect, it } from 'vitest';
import { toHtml } from './html';
import { escapeHtml } from './html-text';
import { seedInput, twoArticleInput } from '../../test/kits/export-fixture';

describe('toHtml', () => {
  const seed = toHtml(seedInput());
  const two = toHtml(twoArticleInput());

  it('is a standalone page in the article’s language and direction, with a CSP that allows no loading', () => {
    expect(
      seed.startsWith('<!doctype html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'),
    ).toBe(true);
    expect(seed).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(seed).toContain(
      '<title>الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا</title>',
    );
  });

  it.each([
    ['seed', seed],
    ['two articles', two],
  ])('runs nothing and loads nothing (%s)', (_name, html) => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|a)\b/i);
    // User text is escaped, so every `<` left starts one of our own tags: none may load or run anything.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /\s(src|href|on\w+)\s*=/i.test(tag))).toEqual([]);
    // The hostile article's links stay text: escaped, inert, never an attribute.
    expect(html.match(/https?:\/\//g) ?? []).toHaveLength(html === two ? 2 : 0);
  });

  it('escapes a script, an event handler and quotes typed into notes and titles', () => {
    expect(two).toContain('line &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(two).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(two).toContain('<h1>Title, &quot;quoted&quot; &lt;b&gt;&amp;&lt;/b&gt;: CON</h1>');
  });

  it('paints each passage in its colour and gives notes and tags their own direction', () => {
    expect(seed).toContain(
      '<blockquote class="color-pink">\n<p>أكد مدير الشؤون العامة في الأفريكوم “كريس كارنس”</p>',
    );
    expect(seed).toContain('<div class="note" dir="auto">');
    expect(seed).toContain('<li dir="auto">#US policy</li>');
  });

  it('keeps a note that opens with an English word right to left in an Arabic article', () => {
    expect(seed).toContain('<p dir="rtl">Readwise وObsidian يقرآن هذه الملاحظة.</p>');
  });

  it('shows a note’s Markdown formatted: bold, a list, code and a quote, each block in its own direction', () => {
    expect(seed).toContain('<p dir="auto"><strong>مهم</strong>: العنوان والفقرة معًا.</p>');
    expect(seed).toContain(
      '<ul>\n<li dir="auto">أولًا: التاريخ مكتوب 27-10-2019</li>\n<li dir="auto">ثانيًا: <code dir="auto">سوريا</code> لا ليبيا</li>\n</ul>',
    );
    expect(seed).toContain('<blockquote dir="auto">\n<p dir="auto">اقتباس داخل الملاحظة</p>\n</blockquote>');
    expect(seed).not.toMatch(/\*\*|`|^> /m);
  });

  it('keeps the export date and the app name in order in an Arabic page', () => {
    expect(seed).toMatch(
      /<footer class="exported">صُدّرت \/ Exported: <bdi dir="ltr">[^<]+<\/bdi> · <bdi dir="ltr">Hamish [^<]+<\/bdi><\/footer>/,
    );
  });

  it('lists orphans in their own section after the anchored highlights', () => {
    expect(seed.indexOf('<section class="orphans">')).toBeGreaterThan(seed.indexOf('color-pink'));
  });

  it('gives each article its own language and direction, and a page break in print', () => {
    expect(two).toContain('<article lang="ar" dir="rtl">');
    expect(two).toContain('<article lang="en" dir="ltr">');
    expect(two).toContain('article+article{break-before:page');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
