import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { runImportWorker } from './import-thread';
import {
  canonicalText,
  detectLanguage,
  normalizeSourceText,
  parsePlainText,
  withBlockDirections,
} from '../articles';
import { decodeFile, MAX_IMPORT_BYTES } from '../articles/decode';
import { parseHtml } from '../articles/html-import';
import { ImportError } from '../articles/import-error';
import { parseMarkdown } from '../articles/markdown-import';
import type { Block, Direction, SourceKind, TocEntry, WebSource } from '../../shared/article-model';
import { parseEpub } from '../articles/epub';
import { archivedPart, parseMhtml } from '../articles/mhtml';
import { besideFileSource, savedPageSource } from '../articles/picture-folder';
import { contentOnly, PictureCollector, type PictureSource } from '../articles/pictures';
import { HamishError } from './errors';

export { MAX_IMPORT_BYTES };

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

/** Presentation forms (ligatures and contextual shapes of Arabic letters) as the letters they show. */
const PRESENTATION_FORMS = /[\uFB50-\uFDF1\uFE70-\uFEFC]/g;

/**
 * Normalises decoded text for reading where that loses nothing: BOM, line ends and control characters (as
 * every importer does), and Arabic presentation forms — which PDFs and old pages use — into the letters
 * they stand for, so that the text shapes, searches and copies like any other.
 */
function cleanText(text: string): string {
  return normalizeSourceText(text).replace(PRESENTATION_FORMS, (form) => form.normalize('NFKC'));
}

/**
 * Turns a file's bytes into an article, in this thread: decoding (UTF-8/16, Windows-1256, ISO-8859-6),
 * the importer of its kind, then language and direction (per block where a block reads the other way).
 * `name` is shown in errors. Pictures the file names by relative address are read through `pictures` (by
 * default none can be: the file arrived without its folder). The app and the CLI call `importBytes`, which
 * runs this off the main thread.
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
  const text = cleanText(decodeFile(archive?.html ?? bytes, name).text);
  const collector = archive
    ? new PictureCollector(contentOnly, (src) => archivedPart(archive, src))
    : new PictureCollector(pictures);
  const parsed =
    kind === 'md'
      ? parseMarkdown(text, name, collector)
      : kind === 'html'
        ? parseHtml(text, name, collector)
        : parsePlainText(text);
  if (parsed.blocks.length === 0) throw new ImportError(kind === 'txt' ? 'empty' : 'no-content', name);
  const { lang, dir } = detectLanguage(canonicalText(parsed.blocks));
  return {
    kind,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    title: parsed.title,
    lang,
    dir,
    blocks: withBlockDirections(parsed.blocks, dir),
    assets: collector.assets,
  };
}

/**
 * The pictures a file read from `file` may name: a page saved "complete" keeps them in <name>_files/ beside
 * it, a Markdown note next to it; only that folder is read.
 */
export function picturesBeside(file: string): PictureSource {
  return /\.(md|markdown)$/i.test(file) ? besideFileSource(file) : savedPageSource(file);
}

/**
 * Turns a file's bytes into an article in a worker thread, stopped after `timeLimitMs` (by default
 * IMPORT_TIME_LIMIT_MS) with a 'too-slow' error naming the file. Refusals are HamishErrors naming `name`.
 * `picturesBeside` is the path the bytes were read from, when they were: the worker reads the pictures
 * beside it (picturesBeside()); without it, the file arrived as content only.
 */
export async function importBytes(
  bytes: Uint8Array,
  name: string,
  options: { timeLimitMs?: number; picturesBeside?: string } = {},
): Promise<ImportedFile> {
  return runImportWorker<ImportedFile>(
    { bytes, name, picturesBeside: options.picturesBeside },
    options.timeLimitMs ?? importTimeLimitMs(),
  );
}

/**
 * How long one file may take to import: 20 s, far above the longest real article (a 10 MB text or a
 * 1 MB web page takes about a second), unless HAMISH_IMPORT_TIME_LIMIT_MS says otherwise (slow machines,
 * tests).
 */
export const IMPORT_TIME_LIMIT_MS = 20_000;

function importTimeLimitMs(): number {
  const configured = Number(process.env['HAMISH_IMPORT_TIME_LIMIT_MS']);
  return Number.isFinite(configured) && configured > 0 ? configured : IMPORT_TIME_LIMIT_MS;
}

/** A book's blocks and contents, in the language and direction its package gives (or its text shows). */
function importBook(bytes: Uint8Array, name: string): ImportedFile {
  const book = parseEpub(bytes, name, cleanText);
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

/** Reads one file from disk and turns it into an article, or throws an error naming the file. */
export async function importFileToArticle(file: string): Promise<ImportedFile> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new HamishError('not-found', `${file}: no such file.`, file);
    throw new HamishError('io', `${file}: cannot be read (${error.code ?? error.message}).`, file);
  });
  if (!info.isFile()) throw new HamishError('not-a-file', `${file}: not a file.`, file);
  if (info.size === 0) throw new HamishError('empty', `${file}: the file is empty.`, file);
  if (info.size > MAX_IMPORT_BYTES) {
    throw new HamishError(
      'too-large',
      `${file}: ${Math.ceil(info.size / 1024 / 1024)} MB is more than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.`,
      file,
    );
  }
  const name = path.basename(file);
  try {
    return await importBytes(await readFile(file), name, { picturesBeside: file });
  } catch (error) {
    // Name the file with its full path, as the user gave it.
    if (error instanceof HamishError && error.file === name)
      throw new HamishError(error.code, error.message.replace(name, file), file);
    throw error;
  }
}
