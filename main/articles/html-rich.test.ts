import { describe, expect, it } from 'vitest';
import { parseHtml } from './html-import';
import { canonicalText, type Block } from '../../shared/article-model';
import { PictureCollector } from './pictures';
import { dataUri, gifHeader, pngBytes } from '../../test/kits/images';

const PARAGRAPH =
  '<p>تقدّم هذه الفقرة نصًّا عربيًّا طويلًا بما يكفي ليعدّه القارئ مقالًا، ويصف ما جرى في المدينة أمس.</p>';
const page = (body: string): string =>
  `<!doctype html><html lang="ar" dir="rtl"><head><title>صفحة</title></head><body><article>${PARAGRAPH}${body}${PARAGRAPH}</article></body></html>`;

function parse(body: string, pictures = new PictureCollector()): Block[] {
  return parseHtml(page(body), 'page.html', pictures).blocks;
}

const ofKind = (blocks: Block[], kind: Block['kind']): Block[] => blocks.filter((b) => b.kind === kind);

describe('figures', () => {
  it('keeps a figure with its caption as text and its picture from a data: URI', () => {
    const photo = pngBytes(4, 3);
    const pictures = new PictureCollector();
    const blocks = parse(
      `<figure><img src="${dataUri(photo)}" alt="سوق الخضار"><figcaption>باعة في <em>سوق</em> المدينة</figcaption></figure>`,
      pictures,
    );
    const [figure] = ofKind(blocks, 'figure');
    expect(figure?.text).toBe('باعة في سوق المدينة');
    expect(figure?.marks).toEqual([{ kind: 'em', start: 8, end: 11 }]);
    expect(figure?.image).toMatchObject({ alt: 'سوق الخضار', width: 4, height: 3 });
    expect(figure?.image?.asset).toMatch(/^[0-9a-f]{64}\.png$/);
    expect([...pictures.assets.keys()]).toEqual([figure?.image?.asset]);
    expect(canonicalText(blocks)).toContain('\n\nباعة في سوق المدينة\n\n');
  });

  it('uses the alt text when a picture has no caption', () => {
    const [figure] = ofKind(
      parse(`<p><img src="${dataUri(pngBytes(2, 2))}" alt="خريطة المنطقة"></p>`),
      'figure',
    );
    expect(figure?.text).toBe('خريطة المنطقة');
  });

  it('picks the largest local candidate of a <picture> and its srcset', () => {
    const small = pngBytes(2, 2, 1);
    const large = pngBytes(8, 8, 2);
    const [figure] = ofKind(
      parse(
        `<picture><source type="image/jxl" srcset="${dataUri(gifHeader(99, 99))} 2000w">` +
          `<source srcset="https://cdn.example/huge.webp 1600w, ${dataUri(large)} 800w">` +
          `<img src="${dataUri(small)}" srcset="${dataUri(small)} 200w" alt="صورة"></picture>`,
      ),
      'figure',
    );
    expect(figure?.image).toMatchObject({ width: 8, height: 8 });
  });

  it('never fetches a remote picture and lists it as not kept, and drops 1×1 pixels', () => {
    const blocks = parse(
      '<img src="https://tracker.example/p.gif" width="1" height="1"><figure><img src="https://cdn.example/a.jpg" alt="بعيدة"><figcaption>تعليق</figcaption></figure>',
    );
    const figures = ofKind(blocks, 'figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]?.missing).toEqual({ src: 'https://cdn.example/a.jpg', alt: 'بعيدة', reason: 'remote' });
    expect(figures[0]?.text).toBe('تعليق');
  });

  it('refuses a "picture" whose bytes are HTML, and a PNG header claiming 50,000 × 50,000 pixels', () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const bomb = pngBytes(50_000, 50_000, 0, true);
    const figures = ofKind(
      parse(`<img src="${dataUri(html)}" alt="أ"><img src="${dataUri(bomb)}" alt="ب">`),
      'figure',
    );
    expect(figures.map((f) => f.missing?.reason)).toEqual(['not-an-image', 'too-large']);
  });

  it('reads long inline pictures in src and srcset, and names a refused one by its data: address', () => {
    const big = Buffer.concat([pngBytes(640, 480, 3, true), Buffer.alloc(4000, 7)]);
    const fake = Buffer.concat([Buffer.from('<html>'), Buffer.alloc(4000, 65)]);
    const figures = ofKind(
      parse(
        `<img srcset="${dataUri(big)} 640w, x.png 10w" alt="كبيرة"><img src='${dataUri(fake)}' alt="مزيفة">`,
      ),
      'figure',
    );
    expect(figures[0]?.image).toMatchObject({ width: 640, height: 480 });
    expect(figures[1]?.missing).toEqual({
      src: 'data:image/png;base64,PGh0bWw+QUFBQUFBQU',
      alt: 'مزيفة',
      reason: 'not-an-image',
    });
  });

  it(
    'keeps 2,000 pictures of one page and lists those past the limit as not kept',
    { timeout: 30_000 },
    () => {
      const pictures = new PictureCollector();
      const images = Array.from(
        { length: 2002 },
        (_, i) => `<img src="${dataUri(pngBytes(2, 2, i))}" alt="${i}">`,
      );
      // The same picture again is the same asset: it does not count twice.
      images.push(`<img src="${dataUri(pngBytes(2, 2, 0))}" alt="again">`);
      const figures = ofKind(parse(images.join('')), 'figure');
      expect(pictures.assets.size).toBe(0);
      expect(figures.filter((f) => f.image)).toHaveLength(2001);
      expect(figures.filter((f) => f.missing).map((f) => f.missing?.reason)).toEqual([
        'over-limit',
        'over-limit',
      ]);
    },
  );

  it('lists a page-folder picture as missing when the page came as content only', () => {
    const [figure] = ofKind(parse('<img src="page_files/a.png" alt="صورة">'), 'figure');
    expect(figure?.missing?.reason).toBe('content-only');
  });
});

describe('a page with no title', () => {
  it('that opens on a picture is named by its first words, and the picture stays a figure', () => {
    const { title, blocks } = parseHtml(
      `<html><body><img src="${dataUri(pngBytes(2, 2))}" alt="صورة الغلاف"><p>نص المقال الأول هنا</p></body></html>`,
      'page.html',
    );
    expect(title).toBe('صورة الغلاف');
    expect(blocks.map((b) => b.kind)).toEqual(['figure', 'paragraph']);
  });
});

describe('tables', () => {
  it('keeps a table: header row, cells in reading order, colspan', () => {
    const [table] = ofKind(
      parse(
        '<table><thead><tr><th>المدينة</th><th>السعر</th></tr></thead><tbody><tr><td>عمّان</td><td>١٢٥</td></tr><tr><td colspan="2">المصدر: <b>الوزارة</b></td></tr></tbody></table>',
      ),
      'table',
    );
    expect(table?.text).toBe('المدينة\tالسعر\nعمّان\t١٢٥\nالمصدر: الوزارة');
    expect(table?.rows).toEqual([
      [
        { start: 0, end: 7, header: true },
        { start: 8, end: 13, header: true },
      ],
      [
        { start: 14, end: 19 },
        { start: 20, end: 23 },
      ],
      [{ start: 24, end: 39, colspan: 2 }],
    ]);
    for (const row of table?.rows ?? [])
      for (const cell of row) expect(table?.text.slice(cell.start, cell.end)).not.toMatch(/[\t\n]/);
  });

  it('reads a one-column layout table as ordinary paragraphs', () => {
    const blocks = parse('<table><tr><td><p>فقرة داخل جدول تخطيط</p></td></tr></table>');
    expect(ofKind(blocks, 'table')).toEqual([]);
    expect(blocks.map((b) => b.text)).toContain('فقرة داخل جدول تخطيط');
  });

  it('keeps a 10,000-cell table whole', { timeout: 30_000 }, () => {
    const rows = Array.from(
      { length: 1000 },
      (_, r) => `<tr>${Array.from({ length: 10 }, (_, c) => `<td>${r}-${c}</td>`).join('')}</tr>`,
    ).join('');
    const [table] = ofKind(parse(`<table>${rows}</table>`), 'table');
    expect(table?.rows?.flat()).toHaveLength(10_000);
    expect(table?.text.split('\n')[999]?.split('\t')[9]).toBe('999-9');
  });
});

describe('footnotes', () => {
  it('keeps footnote references and their way back as links within the article', () => {
    const blocks = parse(
      '<p>قال الوزير<sup><a href="#fn1" id="ref1">1</a></sup> إن الأسعار سترتفع.</p><a href="#top">أعلى الصفحة</a>' +
        '<ol class="footnotes"><li id="fn1">المصدر: وكالة الأنباء <a href="#ref1">↩</a></li></ol>',
    );
    const reference = blocks.find((b) => b.text.startsWith('قال الوزير'));
    expect(reference?.marks).toEqual([{ kind: 'link', href: '#fn1', start: 10, end: 11 }]);
    expect(reference?.anchors).toEqual(['ref1']);
    const note = blocks.find((b) => b.text.startsWith('المصدر'));
    expect(note?.anchors).toEqual(['fn1']);
    expect(note?.marks).toEqual([{ kind: 'link', href: '#ref1', start: 22, end: 23 }]);
    // A link to an id the article does not hold keeps its text only.
    expect(blocks.find((b) => b.text === 'أعلى الصفحة')?.marks).toBeUndefined();
  });
});

describe('code, lists and rules', () => {
  it('keeps preformatted code with its lines and indentation', () => {
    const [code] = ofKind(parse('<pre><code>function f() {\n  return 1;\n}\n</code></pre>'), 'code');
    expect(code?.text).toBe('function f() {\n  return 1;\n}');
  });

  it('numbers ordered items and records how deep nested items are', () => {
    const items = ofKind(
      parse('<ol start="3"><li>أولًا<ul><li>فرع أ</li><li>فرع ب</li></ul></li><li>ثانيًا</li></ol>'),
      'listItem',
    );
    expect(items.map(({ text, ordered, number, depth }) => ({ text, ordered, number, depth }))).toEqual([
      { text: 'أولًا', ordered: true, number: 3, depth: 0 },
      { text: 'فرع أ', ordered: undefined, number: undefined, depth: 1 },
      { text: 'فرع ب', ordered: undefined, number: undefined, depth: 1 },
      { text: 'ثانيًا', ordered: true, number: 4, depth: 0 },
    ]);
  });

  it('keeps a horizontal rule as an empty block', () => {
    const blocks = parse('<hr>');
    expect(ofKind(blocks, 'rule')).toEqual([{ kind: 'rule', text: '' }]);
  });
});
