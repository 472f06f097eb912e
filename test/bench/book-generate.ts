import { crc32 } from 'node:zlib';
import { chapterFile, navFile, packageFile, zipBook, type BookFiles, type Chapter } from '../kits/epub-books';
import { SEED_TEXT } from './generate';

const vocabulary = SEED_TEXT.split(/\s+/).filter((word) => /\p{L}/u.test(word));
// A fixed pseudo-random sequence: prose that compresses like prose, the same on every run.
let state = 0x2545f491;
const next = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
/** A PNG header and 450 KB of noise as its data: sized like a photograph, and as incompressible. */
function photo(seed: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1200, 0);
  ihdr.writeUInt32BE(800, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const noise = Buffer.alloc(450 * 1024);
  for (let i = 0; i < noise.length; i += 4)
    noise.writeUInt32LE((Math.floor(next() * 2 ** 32) ^ seed) >>> 0, i);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', noise),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
/** A generated Arabic book: `words` words of prose in `chapterCount` chapters, with nav and photographs. */
export function generateBook(words: number, chapterCount: number): { book: Uint8Array; chapterMB: number } {
  const perChapter = Math.ceil(words / chapterCount);
  const chapters: Chapter[] = [];
  const files: BookFiles = {};
  for (let c = 0; c < chapterCount; c += 1) {
    const paragraphs: string[] = [`<h1 id="c${c}">الفصل ${c + 1}</h1>`];
    for (let written = 0; written < perChapter;) {
      const length = 40 + Math.floor(next() * 80);
      const paragraph = Array.from(
        { length },
        () => vocabulary[Math.floor(next() * vocabulary.length)] ?? 'كلمة',
      ).join(' ');
      paragraphs.push(
        written % 2000 < length ? `<h2>قسم ${written}</h2><p>${paragraph}</p>` : `<p>${paragraph}</p>`,
      );
      written += length;
    }
    // A photograph every 7 chapters (as a book of ~5 MB carries: 4 MB of pictures the zip cannot shrink).
    if (c % 7 === 0) {
      files[`OEBPS/images/p${c}.png`] = photo(c);
      paragraphs.push(
        `<figure><img src="../images/p${c}.png" alt="صورة ${c}"/><figcaption>صورة الفصل ${c + 1}</figcaption></figure>`,
      );
    }
    chapters.push({ id: `c${c}`, file: `text/c${c}.xhtml`, body: paragraphs.join('\n') });
    files[`OEBPS/text/c${c}.xhtml`] = chapterFile(`c${c}`, paragraphs.join('\n'));
  }
  files['OEBPS/content.opf'] = packageFile({
    title: 'كتاب طويل',
    language: 'ar',
    direction: 'rtl',
    chapters,
    nav: true,
  });
  files['OEBPS/nav.xhtml'] = navFile(
    chapters.map((chapter, i) => ({ title: `الفصل ${i + 1}`, href: chapter.file })),
  );
  const book = zipBook(files);
  const chapterMB =
    Object.values(files)
      .filter((content) => typeof content === 'string')
      .reduce((sum, text) => sum + Buffer.byteLength(text), 0) /
    1024 /
    1024;
  return { book, chapterMB };
}
