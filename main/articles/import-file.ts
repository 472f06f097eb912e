import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  canonicalText,
  type Block,
  type Direction,
  type SourceKind,
  type TocEntry,
  type WebSource,
} from '../../shared/article-model';
import { decodeFile } from './decode';
import { parseEpub } from './epub';
import { parseHtml } from './html-import';
import { ImportError } from './import-error';
import { detectLanguage, withBlockDirections, withLanguage } from './language';
import { parseMarkdown } from './markdown-import';
import { archivedPart, parseMhtml } from './mhtml';
import { cleanSourceText } from './normalize-text';
import { besideFileSource, savedPageSource } from './picture-folder';
import { contentOnly, PictureCollector, type PictureSource } from './pictures';
import { parsePlainText } from './text-import';

/**
 * The one import pipeline (docs/ARCHITECTURE.md, "Data flow: import a file"): a file's bytes → decoded text →
 * cleaned text → the importer of its kind → language and direction. The app and the CLI run it in a worker
 * thread with a deadline (main/api/import-thread.ts); tests and benches call it directly.
 */

export type ImportedFile = {
  kind: SourceKind;
  sha256: string;
  title: string;
  lang: string;
  dir: Direction;
  blocks: Block[];
  /** The pictures its figures refer to, by asset name, to be stored before the article. */
  assets: ReadonlyMap<string, Uint8Array>;
  /** A book's own table of contents. */
  toc?: TocEntry[];
  /** A page saved from the web: where it came from. */
  web?: WebSource;
};

const KINDS: Record<string, SourceKind> = {
  '.txt': 'txt',
  '.text': 'txt',
  '': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  // A web archive is a web page: its article is kept as one, its pictures taken from the archive.
  '.mhtml': 'html',
  '.mht': 'html',
  '.epub': 'epub',
};

/** Every file name ending an import takes (a file with no extension is read as text too). */
export const IMPORTABLE_EXTENSIONS: readonly string[] = Object.keys(KINDS).filter((ext) => ext !== '');

/**
 * Turns a file's bytes into an article, in this thread: decoding (UTF-8/16, Windows-1256, ISO-8859-6),
 * the importer of its kind, then language and direction (per block where a block reads the other way).
 * `name` is shown in errors. Pictures the file names by relative address are read through `pictures` (by
 * default none can be: the file arrived without its folder). The app and the CLI call `importBytes`
 * (main/api/import-thread.ts), which runs this off the main thread.
 */
export function importBytesInThisThread(
  bytes: Uint8Array,
  name: string,
  pictures: PictureSource = contentOnly,
): ImportedFile {
  const kind = KINDS[path.extname(name).toLowerCase()];
  if (!kind)
    throw new ImportError('unsupported', name, 'Hamish imports .txt, .md, .html, .mhtml and .epub files');
  if (kind === 'epub') return importBook(bytes, name);
  const archive = /\.mhtml?$/i.test(name) ? parseMhtml(bytes, name) : null;
  const collector = archive
    ? new PictureCollector(contentOnly, (src) => archivedPart(archive, src))
    : new PictureCollector(pictures);
  const article = importText(decodeFile(archive?.html ?? bytes, name).text, kind, name, collector);
  if (article.blocks.length === 0) throw new ImportError(kind === 'txt' ? 'empty' : 'no-content', name);
  return {
    kind,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...article,
    assets: collector.assets,
  };
}

export type ImportedText = { title: string; lang: string; dir: Direction; blocks: Block[] };

/**
 * Decoded text of a kind (text, Markdown, HTML) as an article: cleaned (cleanSourceText), parsed by the
 * importer of its kind, then language and direction. An empty `blocks` means it had no text.
 */
export function importText(
  text: string,
  kind: 'txt' | 'md' | 'html',
  name: string,
  collector = new PictureCollector(contentOnly),
): ImportedText {
  const clean = cleanSourceText(text);
  const parsed =
    kind === 'md'
      ? parseMarkdown(clean, name, collector)
      : kind === 'html'
        ? parseHtml(clean, name, collector)
        : parsePlainText(clean);
  return { title: parsed.title, ...withLanguage(parsed.blocks) };
}

/**
 * The text of a .txt file as an article, by the same pipeline as the file's bytes. A plain-text article's
 * title is its first line. An empty `blocks` means the file had no text.
 */
export function importPlainText(raw: string, name: string): ImportedText {
  return importText(raw, 'txt', name);
}

/**
 * The pictures a file read from `file` may name: a page saved "complete" keeps them in <name>_files/ beside
 * it, a Markdown note next to it; only that folder is read.
 */
export function picturesBeside(file: string): PictureSource {
  return /\.(md|markdown)$/i.test(file) ? besideFileSource(file) : savedPageSource(file);
}

/** A book's blocks and contents, in the language and direction its package gives (or its text shows). */
function importBook(bytes: Uint8Array, name: string): ImportedFile {
  const book = parseEpub(bytes, name, cleanSourceText);
  const detected = detectLanguage(canonicalText(book.blocks));
  const lang = book.language || detected.lang;
  const dir =
    book.direction ?? (book.language ? languageDirection(book.language, detected.dir) : detected.dir);
  return {
    kind: 'epub',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    title: book.title,
    lang,
    dir,
    blocks: withBlockDirections(book.blocks, dir),
    assets: book.assets,
    toc: book.toc,
  };
}

// Languages written right to left (ISO 639-1): a book that names one reads that way.
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'ku']);
function languageDirection(language: string, fallback: Direction): Direction {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : /^[a-z]{2,3}$/.test(primary) ? 'ltr' : fallback;
}
