import { constants } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { blockStarts } from '../../shared/article-model';
import type { ExportArticle } from '../export';
import { ATTACHMENTS_FOLDER } from '../export/pictures';
import type { Store } from '../store';
import { assetFile } from '../store/assets';

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/**
 * Adds to each article the stored pictures its highlights touch, for the formats that show them: with
 * `embed`, each as a data: URI (the HTML export is one file that loads nothing). A picture whose file is
 * missing is left out rather than failing the export.
 */
export async function withPictures(
  store: Store,
  articles: ExportArticle[],
  embed: boolean,
): Promise<ExportArticle[]> {
  const result: ExportArticle[] = [];
  for (const article of articles) {
    const anchored = article.highlights.filter((h) => h.status !== 'orphan');
    if (anchored.length === 0) {
      result.push(article);
      continue;
    }
    const { blocks } = await store.readArticle(article.meta.id);
    const starts = blockStarts(blocks);
    const pictures: NonNullable<ExportArticle['pictures']> = [];
    for (const [index, block] of blocks.entries()) {
      if (!block.image) continue;
      const start = starts[index] ?? 0;
      const end = start + block.text.length;
      if (!anchored.some((h) => h.start <= end && start <= h.end)) continue;
      const picture = { start, end, alt: block.image.alt, asset: block.image.asset };
      if (!embed) {
        pictures.push(picture);
        continue;
      }
      const file = assetFile(store.dataDir, block.image.asset);
      const bytes = file === null ? null : await readFile(file).catch(() => null);
      const type = TYPES[block.image.asset.split('.')[1] ?? ''];
      if (bytes && type)
        pictures.push({ ...picture, dataUri: `data:${type};base64,${bytes.toString('base64')}` });
    }
    result.push(pictures.length > 0 ? { ...article, pictures } : article);
  }
  return result;
}

/**
 * Copies the pictures a Markdown export links to into `attachments/` beside the note written at `noteFile`,
 * so the links resolve in Obsidian or any Markdown reader. A picture already there is left as it is (its
 * name is its content).
 */
export async function copyAttachments(
  dataDir: string,
  noteFile: string,
  assets: readonly string[],
): Promise<void> {
  if (assets.length === 0) return;
  const folder = path.join(path.dirname(path.resolve(noteFile)), ATTACHMENTS_FOLDER);
  await mkdir(folder, { recursive: true });
  for (const name of assets) {
    const source = assetFile(dataDir, name);
    if (source === null) continue;
    await copyFile(source, path.join(folder, name), constants.COPYFILE_EXCL).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error;
      },
    );
  }
}
