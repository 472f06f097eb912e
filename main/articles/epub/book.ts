/**
 * An EPUB book → one article: its title block, its authors, then every chapter in spine order through
 * the same HTML-to-blocks walk as saved pages, with the book's pictures kept as assets, its table of
 * contents mapped to block indexes and its note references carrying their notes.
 *
 * Limits (each refused with a message naming the book; see also zip.ts):
 * - MAX_CHAPTERS chapters, and MAX_CHAPTER_BYTES of markup in all chapters together;
 * - every chapter is nested at most MAX_HTML_DEPTH levels (as any page);
 * - a note's text is cut to MAX_NOTE_CHARS; the table of contents to the limits of toc.ts.
 */
import { htmlDepth } from '../html-depth';
import { bodyBlocks, MAX_HTML_DEPTH } from '../html-import';
import { ImportError } from '../import-error';
import type { Block, TocEntry } from '../../../shared/article-model';
import { PictureCollector, type PictureSource } from '../pictures';
import { chapterNotes, NOTE_LINK, withNotes } from './notes';
import { readPackage, type ManifestItem } from './package';
import { navContents, ncxContents, type TocLink } from './toc';
import { bookPath, fragmentOf, XmlReader } from './xml';
import { BookArchive } from './zip';

export const MAX_CHAPTERS = 10_000;
export const MAX_CHAPTER_BYTES = 100 * 1024 * 1024;

export type ImportedBook = {
  title: string;
  creators: string[];
  /** From the package; '' or null when it does not say (the importer detects them from the text). */
  language: string;
  direction: 'rtl' | 'ltr' | null;
  blocks: Block[];
  toc: TocEntry[];
  assets: ReadonlyMap<string, Uint8Array>;
};

const READABLE = new Set(['application/xhtml+xml', 'text/html', 'application/xml', '']);

function decode(bytes: Uint8Array): string {
  // EPUB content documents are UTF-8 or UTF-16; UTF-16 announces itself by its byte order mark.
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  return new TextDecoder(utf16 ?? 'utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Where each chapter and each anchor of the book starts, as block indexes. */
type Places = { chapters: Map<string, number>; anchors: Map<string, number> };

function tocEntries(links: readonly TocLink[], places: Places, last: number): TocEntry[] {
  return links.flatMap((link) => {
    const children = tocEntries(link.children, places, last);
    const block =
      link.path === null
        ? undefined
        : (places.anchors.get(`${link.path}#${link.fragment}`) ?? places.chapters.get(link.path));
    // An entry that leads nowhere in the book (a missing file, a heading-only entry) leads to its first child.
    const target = block ?? children[0]?.block;
    if (target === undefined || link.title === '') return children;
    const entry: TocEntry = { title: link.title, block: Math.min(target, last) };
    if (children.length > 0) entry.children = children;
    return [entry];
  });
}

function readToc(
  archive: BookArchive,
  xml: XmlReader,
  nav: ManifestItem | null,
  ncx: ManifestItem | null,
): TocLink[] {
  const navText = nav && archive.text(nav.path);
  const fromNav = navText === null || nav === null ? null : navContents(navText, nav.path, xml);
  if (fromNav !== null && fromNav.length > 0) return fromNav;
  const ncxText = ncx && archive.text(ncx.path);
  return (ncxText === null || ncx === null ? null : ncxContents(ncxText, ncx.path, xml)) ?? [];
}

/**
 * Reads an EPUB 2 or 3 book. `clean` normalises each chapter's text as every importer does. Throws
 * ImportError naming `name` for a book that is unsafe, protected, damaged or empty.
 */
export function parseEpub(bytes: Uint8Array, name: string, clean: (text: string) => string): ImportedBook {
  const archive = new BookArchive(bytes, name);
  const xml = new XmlReader(name);
  try {
    const book = readPackage(archive, xml, name);
    const chapters = book.spine.filter((item) => READABLE.has(item.mediaType));
    if (chapters.length > MAX_CHAPTERS)
      throw new ImportError(
        'too-large',
        name,
        `it has ${chapters.length} chapters, the limit is ${MAX_CHAPTERS}`,
      );
    let current = '';
    // A picture many chapters show (an ornament, a logo) is inflated once, not once per chapter.
    const read = new Map<string, Uint8Array | 'not-found'>();
    const source: PictureSource = (src) => {
      const path = bookPath(src, current);
      if (path === null) return 'not-found';
      const bytes = read.get(path) ?? archive.read(path) ?? 'not-found';
      read.set(path, bytes);
      return bytes;
    };
    const pictures = new PictureCollector(source);
    const places: Places = { chapters: new Map(), anchors: new Map() };
    const notes = new Map<string, string>();
    const blocks: Block[] = [];
    let markup = 0;
    for (const chapter of chapters) {
      const raw = archive.read(chapter.path);
      if (raw === null) continue;
      markup += raw.length;
      if (markup > MAX_CHAPTER_BYTES)
        throw new ImportError(
          'too-large',
          name,
          `its chapters hold more than ${MAX_CHAPTER_BYTES / 1024 / 1024} MB of text`,
        );
      const text = pictures.withdrawInlinePictures(clean(decode(raw)));
      if (htmlDepth(text, MAX_HTML_DEPTH) > MAX_HTML_DEPTH)
        throw new ImportError(
          'too-deep',
          name,
          `${chapter.path} nests more than ${MAX_HTML_DEPTH} levels deep`,
        );
      current = chapter.path;
      const document = xml.chapter(text);
      const inPlace = chapterNotes(document, chapter.path, notes);
      const offset = blocks.length;
      places.chapters.set(chapter.path, offset);
      const chapterBlocks = bodyBlocks(document.body ?? document.documentElement, name, pictures, {
        anchor: (id, block) => {
          const key = `${chapter.path}#${id}`;
          if (!places.anchors.has(key)) places.anchors.set(key, offset + block);
        },
        link: (element) => {
          const href = element.getAttribute('href') ?? '';
          const target = bookPath(href, chapter.path);
          return inPlace.isReference(element) && target !== null && fragmentOf(href) !== ''
            ? `${NOTE_LINK}${target}#${fragmentOf(href)}`
            : null;
        },
        leaveOut: (element) => inPlace.shownInPlace(element),
      });
      for (const block of chapterBlocks) blocks.push(block);
    }
    const title =
      book.title || blocks.find((block) => block.kind === 'heading')?.text || name.replace(/\.epub$/i, '');
    const head: Block[] = [{ kind: 'heading', level: 1, text: title }];
    if (book.creators.length > 0) head.push({ kind: 'paragraph', text: book.creators.join(' · ') });
    const body = withNotes(blocks, notes);
    if (body.every((block) => block.text === '' && block.kind !== 'figure'))
      throw new ImportError('no-content', name);
    const shift = (map: Map<string, number>) => {
      for (const [key, value] of map) map.set(key, value + head.length);
    };
    shift(places.chapters);
    shift(places.anchors);
    const all = [...head, ...body];
    return {
      title,
      creators: book.creators,
      language: book.language,
      direction: book.direction,
      blocks: all,
      toc: tocEntries(readToc(archive, xml, book.nav, book.ncx), places, all.length - 1),
      assets: pictures.assets,
    };
  } finally {
    xml.close();
  }
}
