import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { importPlainText } from '../articles';
import type { Block, Direction, SourceKind } from '../articles/model';
import { HamishError } from './errors';

/** Files larger than this are refused before they are read (the importers hold the whole text in memory). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportedFile = {
  kind: SourceKind;
  sha256: string;
  title: string;
  lang: string;
  dir: Direction;
  blocks: Block[];
};

const KINDS: Record<string, SourceKind> = { '.txt': 'txt', '.text': 'txt' };

/** Reads one file from disk and turns it into an article's blocks, or throws an error naming the file. */
export async function importFileToArticle(file: string): Promise<ImportedFile> {
  const kind = KINDS[path.extname(file).toLowerCase()] ?? 'txt';
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new HamishError('not-found', `${file}: no such file.`, file);
    throw new HamishError('io', `${file}: cannot be read (${error.code ?? error.message}).`, file);
  });
  if (!info.isFile()) throw new HamishError('not-a-file', `${file}: not a file.`, file);
  if (info.size === 0) throw new HamishError('empty', `${file}: the file is empty.`, file);
  if (info.size > MAX_IMPORT_BYTES) {
    throw new HamishError(
      'too-large',
      `${file}: ${Math.round(info.size / 1024 / 1024)} MB is more than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.`,
      file,
    );
  }
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HamishError('undecodable', `${file}: the text is not valid UTF-8.`, file);
  }
  const article = importPlainText(text, path.basename(file));
  if (article.blocks.length === 0) throw new HamishError('empty', `${file}: the file has no text.`, file);
  return {
    kind,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    title: article.title,
    lang: article.lang,
    dir: article.dir,
    blocks: article.blocks,
  };
}
