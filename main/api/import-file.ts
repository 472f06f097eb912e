import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
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
import type { Block, Direction, SourceKind, WebSource } from '../articles/model';
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
};

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
 * Turns a file's bytes into an article: decoding (UTF-8/16, Windows-1256, ISO-8859-6), the importer of its
 * kind, then language and direction (per block where a block reads the other way). `name` is shown in errors.
 * Pictures the file names by relative address are read through `pictures` (by default none can be: the
 * file arrived without its folder).
 */
export function importBytes(
  bytes: Uint8Array,
  name: string,
  pictures: PictureSource = contentOnly,
): ImportedFile {
  const kind = KINDS[path.extname(name).toLowerCase()];
  if (!kind) throw new ImportError('unsupported', name, 'Hamish imports .txt, .md, .html and .mhtml files');
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
  try {
    // A page saved "complete" keeps its pictures in <name>_files/ beside it, a Markdown note next to it;
    // only that folder is read.
    const pictures = /\.(md|markdown)$/i.test(file) ? besideFileSource(file) : savedPageSource(file);
    return importBytes(await readFile(file), path.basename(file), pictures);
  } catch (error) {
    // Name the file with its full path, as the user gave it.
    if (error instanceof ImportError)
      throw new HamishError(error.code, error.message.replace(error.file, file), file);
    throw error;
  }
}
