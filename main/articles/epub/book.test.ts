import { describe, expect, it } from 'vitest';
import { importBytesInThisThread } from '..';
import { canonicalText } from '../../../shared/article-model';
import { parseEpub } from './book';
import { arabicBookFiles, epub2BookFiles, zipBook } from '../../../test/kits/epub-books';

const keep = (text: string) => text;

describe('an EPUB book', () => {
  it('reads title, authors, language and direction from its package', () => {
    const book = importBytesInThisThread(zipBook(arabicBookFiles()), 'city.epub');
    expect(book.kind).toBe('epub');
    expect(book.title).toBe('حكاية المدينة');
    expect(book.lang).toBe('ar');
    expect(book.dir).toBe('rtl');
    expect(book.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'حكاية المدينة' });
    expect(book.blocks[1]?.text).toBe('سلمى الراوي · أحمد الكاتب');
  });

  it('reads the chapters in spine order as headings, paragraphs and a figure with its picture kept', () => {
    const book = parseEpub(zipBook(arabicBookFiles()), 'city.epub', keep);
    const text = canonicalText(book.blocks);
    expect(text.indexOf('الفصل الأول')).toBeLessThan(text.indexOf('الفصل الثاني'));
    expect(text.indexOf('الفصل الثاني')).toBeLessThan(text.indexOf('الفصل الثالث'));
    const figure = book.blocks.find((block) => block.kind === 'figure');
    expect(figure?.text).toBe('خريطة المدينة القديمة');
    expect(figure?.image).toMatchObject({ width: 40, height: 30, alt: 'خريطة المدينة' });
    expect([...book.assets.keys()]).toEqual([figure?.image?.asset]);
  });

  it('takes its nested contents from the nav, each entry leading to its chapter or anchor', () => {
    const book = parseEpub(zipBook(arabicBookFiles()), 'city.epub', keep);
    expect(book.toc.map((entry) => entry.title)).toEqual([
      'الفصل الأول: البداية',
      'الفصل الثاني: الطريق',
      'الفصل الثالث: العودة',
    ]);
    for (const entry of book.toc) expect(book.blocks[entry.block]?.text).toBe(entry.title);
    const market = book.toc[1]?.children?.[0];
    expect(market?.title).toBe('في السوق');
    expect(book.blocks[market?.block ?? -1]).toMatchObject({ kind: 'heading', text: 'في السوق' });
  });

  it('turns a note reference into a mark carrying the note, and leaves the footnote out of the text', () => {
    const book = parseEpub(zipBook(arabicBookFiles()), 'city.epub', keep);
    const paragraph = book.blocks.find((block) => block.text.startsWith('كان الصباح'));
    expect(paragraph?.marks).toEqual([
      expect.objectContaining({ kind: 'link', note: 'المدينة القديمة هي قلب العاصمة التاريخي.' }),
    ]);
    expect(paragraph?.marks?.[0]?.href).toBeUndefined();
    const mark = paragraph?.marks?.[0];
    expect(paragraph?.text.slice(mark?.start, mark?.end)).toBe('١');
    expect(canonicalText(book.blocks)).not.toContain('قلب العاصمة');
  });

  it('keeps endnotes gathered in their own chapter in the text, and shows them at their references too', () => {
    const files = epub2BookFiles();
    files['OEBPS/one.html'] = (files['OEBPS/one.html'] as string).replace(
      'April.',
      'April.<a epub:type="noteref" href="two.html#n1">*</a>',
    );
    files['OEBPS/two.html'] = (files['OEBPS/two.html'] as string).replace(
      '</body>',
      '<ol epub:type="endnotes"><li epub:type="endnote" id="n1"><p>April in London.</p></li></ol></body>',
    );
    const book = parseEpub(zipBook(files), 'old.epub', keep);
    const reference = book.blocks.find((block) => block.text.includes('April.'));
    expect(reference?.marks?.[0]?.note).toBe('April in London.');
    expect(canonicalText(book.blocks)).toContain('April in London.');
  });

  it('takes the contents of an EPUB 2 book from its NCX, nested', () => {
    const book = importBytesInThisThread(zipBook(epub2BookFiles()), 'old.epub');
    expect(book.lang).toBe('en');
    expect(book.dir).toBe('ltr');
    expect(book.toc).toEqual([
      { title: 'Chapter One', block: 2 },
      { title: 'Chapter Two', block: 4, children: [{ title: 'Evening', block: 6 }] },
    ]);
    expect(book.blocks[6]?.text).toBe('Later that evening.');
  });

  it('prefers the nav to the NCX when the book has both', () => {
    const book = parseEpub(zipBook(arabicBookFiles()), 'city.epub', keep);
    expect(book.toc.some((entry) => entry.title === 'من الـNCX')).toBe(false);
  });
});
