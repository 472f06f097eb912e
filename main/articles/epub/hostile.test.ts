import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytesInThisThread } from '..';
import { ImportError } from '../import-error';
import { canonicalText } from '../../../shared/article-model';
import { pngBytes } from '../../../test/kits/images';
import { parseEpub } from './book';
import {
  arabicBookFiles,
  chapterFile,
  packageFile,
  zipBook,
  type Chapter,
} from '../../../test/kits/epub-books';

const keep = (text: string) => text;

/** The ImportError the book is refused with. */
function refusal(bytes: Uint8Array): ImportError {
  try {
    parseEpub(bytes, 'bad.epub', keep);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the book was accepted');
}

describe('a hostile or broken EPUB', () => {
  it('is refused as DRM-protected when encryption.xml encrypts its chapters', () => {
    const files = arabicBookFiles();
    files['META-INF/encryption.xml'] = `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
      xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
      <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
      <enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`;
    const error = refusal(zipBook(files));
    expect(error.code).toBe('drm');
    expect(error.message).toMatch(/^bad\.epub: the book is protected by DRM.*OEBPS\/text\/ch1\.xhtml/);
  });

  it('is refused as DRM-protected when it carries rights.xml', () => {
    const files = arabicBookFiles();
    files['META-INF/rights.xml'] = '<rights/>';
    expect(refusal(zipBook(files)).code).toBe('drm');
  });

  it('is read when encryption.xml only obfuscates its fonts', () => {
    const files = arabicBookFiles();
    files['META-INF/encryption.xml'] = `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
      xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
      <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
      <enc:CipherData><enc:CipherReference URI="OEBPS/fonts/amiri.ttf"/></enc:CipherData></enc:EncryptedData></encryption>`;
    expect(parseEpub(zipBook(files), 'fonts.epub', keep).title).toBe('حكاية المدينة');
  });

  it.each([
    ['../outside.xhtml', /"\.\.\/outside\.xhtml" has a "\.\.\/" step/],
    ['OEBPS/../../etc/passwd', /has a "\.\.\/" step/],
    ['/etc/passwd', /has an absolute path/],
    ['OEBPS\\text\\ch1.xhtml', /has a backslash/],
  ])('refuses the entry %s before anything is unpacked', (name, message) => {
    const files = arabicBookFiles();
    files[name] = 'x';
    const error = refusal(zipBook(files));
    expect(error.code).toBe('unsafe-archive');
    expect(error.message).toMatch(message);
  });

  it('refuses a symbolic link entry', () => {
    const bytes = zipSync({
      'META-INF/container.xml': [strToU8('x'), { os: 3, attrs: 0o120777 << 16 }],
    });
    expect(refusal(bytes).message).toMatch(/"META-INF\/container\.xml" is a symbolic link/);
  });

  it('refuses a zip bomb by its compression ratio before inflating it', () => {
    const files = arabicBookFiles();
    files['OEBPS/filler.xhtml'] = new Uint8Array(20 * 1024 * 1024);
    const error = refusal(zipBook(files));
    expect(error.code).toBe('unsafe-archive');
    expect(error.message).toMatch(/"OEBPS\/filler\.xhtml" inflates \d+ times its size \(a zip bomb\)/);
  });

  it('refuses an entry whose declared size is over the limit (the directory is read, not trusted to inflate)', () => {
    const bytes = zipBook(arabicBookFiles());
    // Declare 3 GB as the container's inflated size in the central directory.
    const view = new DataView(bytes.buffer);
    for (let at = bytes.length - 22; at > 0; at -= 1) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      if (name === 'META-INF/container.xml') view.setUint32(at + 24, 3 * 1024 ** 3, true);
    }
    expect(refusal(bytes).message).toMatch(
      /"META-INF\/container\.xml" inflates to 3072 MB, more than the 64 MB limit/,
    );
  });

  it('says which file is missing when container.xml is absent', () => {
    const error = refusal(zipBook(arabicBookFiles(), false));
    expect(error.code).toBe('broken-book');
    expect(error.message).toBe(
      'bad.epub: the EPUB book is damaged or incomplete; META-INF/container.xml is missing.',
    );
  });

  it('names the package file when it is not well-formed', () => {
    const files = arabicBookFiles();
    files['OEBPS/content.opf'] = '<package><metadata>';
    expect(refusal(zipBook(files)).message).toMatch(/OEBPS\/content\.opf is not well-formed XML/);
  });

  it('names the chapter its spine points to when that file is absent', () => {
    const files = arabicBookFiles();
    delete files['OEBPS/text/ch2.xhtml'];
    expect(refusal(zipBook(files)).message).toMatch(
      /the chapter "OEBPS\/text\/ch2\.xhtml" named by its spine is missing/,
    );
  });

  it('refuses a file that is not a zip archive at all', () => {
    expect(refusal(strToU8('<html>not a book</html>')).message).toMatch(/it is not a zip archive/);
  });

  it('reads a chapter that is not well-formed XHTML leniently, as HTML', () => {
    const files = arabicBookFiles();
    files['OEBPS/text/ch3.xhtml'] =
      '<html><body><h1>الفصل الثالث: العودة</h1><p>نصّ&nbsp;بلا إغلاق<p>وفقرة ثانية<br></body>';
    const book = parseEpub(zipBook(files), 'lenient.epub', keep);
    const text = canonicalText(book.blocks);
    expect(text).toContain('نصّ\u00a0بلا إغلاق');
    expect(text).toContain('وفقرة ثانية');
    expect(book.toc.at(-1)?.block).toBe(
      book.blocks.findIndex((block) => block.text === 'الفصل الثالث: العودة'),
    );
  });

  it('never runs the scripts of a scripted chapter', () => {
    const files = arabicBookFiles();
    const chapters: Chapter[] = [
      {
        id: 's',
        file: 'text/s.xhtml',
        properties: 'scripted',
        body: '<p onclick="globalThis.hamishRan = 1">نص ثابت</p><script>globalThis.hamishRan = true;</script>',
      },
    ];
    files['OEBPS/content.opf'] = packageFile({ title: 'سكربت', language: 'ar', chapters });
    files['OEBPS/text/s.xhtml'] = chapterFile('s', chapters[0]?.body ?? '');
    const book = parseEpub(zipBook(files), 'scripted.epub', keep);
    expect(canonicalText(book.blocks)).toBe('سكربت\n\nنص ثابت');
    expect((globalThis as { hamishRan?: unknown }).hamishRan).toBeUndefined();
  });

  it('imports 10,000 tiny chapters, each in its place', { timeout: 180_000 }, () => {
    const chapters: Chapter[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `c${i}`,
      file: `c${i}.xhtml`,
      body: `<p>صفحة ${i}</p>`,
    }));
    const files: Record<string, string> = {
      'OEBPS/content.opf': packageFile({ title: 'عشرة آلاف', language: 'ar', chapters }),
    };
    for (const chapter of chapters) files[`OEBPS/${chapter.file}`] = chapterFile('c', chapter.body);
    const book = importBytesInThisThread(zipBook(files), 'many.epub');
    expect(book.blocks).toHaveLength(10_001);
    expect(book.blocks.at(-1)?.text).toBe('صفحة 9999');
  });
});

describe('a picture shown by every chapter', () => {
  it('is inflated once, so a long book of small chapters is not taken for a zip bomb', () => {
    // 600 chapters each showing the same 1 MB picture: 600 MB if inflated per chapter, over the 512 MB limit.
    const picture = new Uint8Array(1024 * 1024);
    picture.set(pngBytes(8, 8, 3));
    for (let i = 100; i < picture.length; i += 1) picture[i] = (i * 2654435761) >>> 24;
    const chapters: Chapter[] = Array.from({ length: 600 }, (_, i) => ({
      id: `c${i}`,
      file: `c${i}.xhtml`,
      body: `<p>صفحة ${i}</p><img src="ornament.png" alt=""/>`,
    }));
    const files: Record<string, string | Uint8Array> = {
      'OEBPS/content.opf': packageFile({ title: 'زخرفة', language: 'ar', chapters }),
      'OEBPS/ornament.png': picture,
    };
    for (const chapter of chapters) files[`OEBPS/${chapter.file}`] = chapterFile('c', chapter.body);
    const book = parseEpub(zipBook(files), 'ornament.epub', keep);
    expect(book.assets.size).toBe(1);
    expect(book.blocks.filter((block) => block.image)).toHaveLength(600);
  });
});
