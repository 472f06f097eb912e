import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { htmlDepth } from './html-depth';
import { MAX_HTML_DEPTH, parseHtml } from './html-import';
import { ImportError, type ImportErrorCode } from './import-error';
import { canonicalText, type Block } from '../../shared/article-model';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');
const texts = (blocks: Block[], kind: Block['kind']): string[] =>
  blocks.filter((block) => block.kind === kind).map((block) => block.text);
const marked = (blocks: Block[]): { kind: string; href?: string; text: string }[] =>
  blocks.flatMap((block) =>
    (block.marks ?? []).map(({ start, end, ...mark }) => ({ ...mark, text: block.text.slice(start, end) })),
  );

function expectRefused(html: string, name: string, code: ImportErrorCode): void {
  let refused: unknown;
  try {
    parseHtml(html, name);
  } catch (error) {
    refused = error;
  }
  expect(refused).toBeInstanceOf(ImportError);
  expect(refused).toMatchObject({ code, file: name });
  expect((refused as ImportError).message).toContain(name);
}

describe('parseHtml on news-page-ar.html', () => {
  const { title, blocks } = parseHtml(fixture('news-page-ar.html'), 'news-page-ar.html');
  const text = canonicalText(blocks);

  it('takes the h1 as the title, without the site name of <title>', () => {
    const headline = 'الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا';
    expect(title).toBe(headline);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: headline });
  });

  it('keeps the section headings, paragraphs, quote and list items in order', () => {
    expect(texts(blocks, 'heading').slice(1)).toEqual([
      'هزيمة تنظيم الدولة',
      'تنسيق مع الأمريكيين',
      'استمرار المراقبة',
    ]);
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.level)).toEqual([
      1, 2, 2, 2,
    ]);
    expect(texts(blocks, 'paragraph')).toHaveLength(5);
    expect(texts(blocks, 'paragraph')[0]).toMatch(/^فشل “تنظيم الدولة” خلال 6 سنوات .* في ليبيا\.$/);
    expect(texts(blocks, 'quote')).toEqual([
      'عناصر تنظيم الدولة كانوا يعملون على تجنيد عناصر جدد خلال وجودهم جنوب ليبيا، ونحن مستمرون في مراقبة الوضع.',
    ]);
    expect(texts(blocks, 'listItem')).toEqual([
      'مقتل 19 عنصرا في غارتين جويتين بمحيط مرزق في 19 و24 سبتمبر.',
      'مقتل 17 آخرين جراء غارة جوية جنوب غرب البلاد في 27 سبتمبر.',
      'تراجع أعداد عناصر التنظيم الموجودين في ليبيا إلى أقل من 150 عنصرا.',
    ]);
    expect(blocks).toHaveLength(13);
  });

  it('marks the emphasis, the strong words and the link with its href', () => {
    expect(marked(blocks)).toEqual([
      { kind: 'em', text: 'عدم عثور التنظيم على حاضنة اجتماعية' },
      { kind: 'strong', text: '“البنيان المرصوص”' },
      { kind: 'link', href: 'https://www.africom.mil/media-room', text: 'بيان القيادة الأمريكية في أفريقيا' },
    ]);
  });

  it('drops the menu, share counts, related articles, comments and footer', () => {
    for (const chrome of [
      'الرئيسية',
      'اتصل بنا',
      'فيسبوك',
      '1,204',
      'مشاركة',
      'مقالات ذات صلة',
      'ترامب يعلن',
      'التعليقات',
      'تعليق القارئ',
      'أرسل تعليقك',
      'جميع الحقوق',
      'سياسة الخصوصية',
    ]) {
      expect(text).not.toContain(chrome);
    }
  });
});

describe('parseHtml on hostile.html', () => {
  const { title, blocks } = parseHtml(fixture('hostile.html'), 'hostile.html');
  const text = canonicalText(blocks);

  it('keeps the article’s Arabic text', () => {
    expect(title).toBe('تقرير: ارتفاع أسعار الخبز في الأسواق المحلية');
    expect(texts(blocks, 'paragraph')).toHaveLength(4);
    expect(text).toContain('شهدت الأسواق المحلية خلال الأسبوع الماضي ارتفاعًا ملحوظًا في أسعار الخبز');
    expect(text).toContain('حزمة إجراءات جديدة');
  });

  it('keeps only the https link; javascript:, file:, data: and vbscript: links become plain text', () => {
    expect(marked(blocks)).toEqual([
      { kind: 'link', href: 'https://example.org/ar/bread-prices', text: 'وزارة الاقتصاد' },
    ]);
    expect(text).toContain('الزيادة الأخيرة');
    expect(text).toContain('الطلب تراجع');
  });

  it('takes no text from scripts, styles, frames, objects, SVG, noscript or form fields', () => {
    for (const hidden of [
      "alert('",
      'attacker',
      'نص حقنه السكربت',
      'ورقة الأنماط',
      'داخل الإطار',
      'داخل الكائن',
      'داخل الرسم',
      'عطّل السكربت',
      'قيمة مخفية',
      'صورة تتبع',
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('keeps escaped markup as the literal text it is', () => {
    expect(text).toContain('النص الحرفي للتحذير: <img src=x onerror=alert(1)>.');
  });

  it('returns plain data only: blocks of text and marks, the remote picture listed as not kept', () => {
    for (const block of blocks) {
      expect(
        Object.keys(block).every((key) => ['kind', 'level', 'text', 'marks', 'missing'].includes(key)),
      ).toBe(true);
    }
    expect(blocks.filter((b) => b.kind === 'figure').map((b) => b.missing?.reason)).toEqual(['remote']);
  });
});

describe('parseHtml', () => {
  it('makes no network request for scripts, styles, images, frames or refreshes', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('<p>fetched</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = fixture('hostile.html').replaceAll('http://attacker.example', origin);
    parseHtml(page, 'hostile.html');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => server.close(resolve));
    expect(requests).toEqual([]);
  }, 30_000);

  it('reads a short page without its navigation, its first line as the title', () => {
    const { title, blocks } = parseHtml(
      '<nav><a href="/">الرئيسية</a></nav><p>سطر <b>واحد</b></p>',
      'short.html',
    );
    expect(title).toBe('سطر واحد');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'سطر واحد', marks: [{ kind: 'strong', start: 4, end: 8 }] },
    ]);
  });

  it('splits a paragraph at <br>, each line keeping the marks open across it', () => {
    const { blocks } = parseHtml('<title>قصيدة</title><p><em>بيت أول<br>بيت ثان</em></p>', 'poem.html');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'قصيدة' },
      { kind: 'paragraph', text: 'بيت أول', marks: [{ kind: 'em', start: 0, end: 7 }] },
      { kind: 'paragraph', text: 'بيت ثان', marks: [{ kind: 'em', start: 0, end: 7 }] },
    ]);
  });

  it('refuses a page with no text', () => {
    expectRefused(
      '<html><head><title>فارغ</title></head><body><script>document.write("x")</script></body></html>',
      'blank.html',
      'no-content',
    );
  });

  it('refuses HTML nested 100,000 levels deep without parsing it', () => {
    expectRefused(`${'<div>'.repeat(100_000)}نص${'</div>'.repeat(100_000)}`, 'deep.html', 'too-deep');
  });

  it('refuses 100,000 self-closed divs, which HTML nests all the same', () => {
    expectRefused(`${'<div/>'.repeat(100_000)}نص`, 'deep.html', 'too-deep');
  });

  it('reads a page nested just under MAX_HTML_DEPTH whole, without Readability or its navigation', () => {
    const depth = MAX_HTML_DEPTH - 10;
    const page = `<title>عميق</title><nav>القائمة</nav>${'<div>'.repeat(depth)}نص <em>عميق</em>${'</div>'.repeat(depth)}`;
    expect(parseHtml(page, 'deep.html').blocks).toEqual([
      { kind: 'heading', level: 1, text: 'عميق' },
      { kind: 'paragraph', text: 'نص عميق', marks: [{ kind: 'em', start: 3, end: 7 }] },
    ]);
  });

  it('reads a 5 MB single-line page', () => {
    const paragraph = 'كلمة عربية طويلة '.repeat(3000).trim();
    const page = `<title>طويل</title><article>${`<p>${paragraph}</p>`.repeat(100)}</article>`;
    expect(page.length).toBeGreaterThan(5_000_000);
    const { blocks } = parseHtml(page, 'long.html');
    expect(blocks).toHaveLength(101);
    expect(blocks[100]?.text).toBe(paragraph);
  }, 30_000);
});

describe('htmlDepth', () => {
  it.each([
    ['<div><p>a</p><p>b</p></div>', 2],
    ['<ul><li>a<li>b<li>c</ul>', 2],
    ['<p>a<p>b<p>c', 1],
    ['<div><img src=x><br><input></div>', 1],
    ['<script>"<div><div><div>"</script><div></div>', 1],
    ['<!-- <div><div><div> --><div></div>', 1],
    ['<div title="a > <div>"><span></span></div>', 2],
    ['<div class=a"b><div><div>', 3],
    ['<svg><g/><g/><path/></svg>', 1],
    ['<DIV><Div></div></DIV>', 2],
  ])('counts %s as %i deep', (html, depth) => {
    expect(htmlDepth(html)).toBe(depth);
  });
});
