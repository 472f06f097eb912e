/**
 * Pictures of articles, kept once in `<dataDir>/assets/<sha256>.<ext>`: named by their content, so the same
 * picture in two articles is one file, a name can be checked against its bytes, and a file is never
 * rewritten. Articles refer to assets by name; nothing else does.
 *
 * Limits (checked at import, before anything is written): a picture is at most 20 MB and 100 megapixels
 * (20,000 pixels a side), read from its header without decoding it; an article keeps at most 2,000 pictures
 * and 100 MB of them. Pictures past a limit are listed in the article as not kept.
 *
 * An asset no article refers to stays until the trash is emptied, which collects every unreferenced asset:
 * an article in the trash still owns its pictures, so bringing it back loses nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from './durable-file';
import { errnoCode, storeErrorFromFs } from './errors';
import type { StoreProblem } from './check';

export const ASSETS_FOLDER = 'assets';

const ASSET_NAME = /^([0-9a-f]{64})\.(png|jpg|gif|webp|avif|svg)$/;

/** Whether `name` is an asset's name (`<sha256>.<ext>`): the only names ever read from the assets folder. */
export function isAssetName(name: string): boolean {
  return ASSET_NAME.test(name);
}

export function assetsFolder(dataDir: string): string {
  return path.join(path.resolve(dataDir), ASSETS_FOLDER);
}

/** The file of asset `name`, or null when `name` is not an asset's name (so it cannot lead elsewhere). */
export function assetFile(dataDir: string, name: string): string | null {
  return isAssetName(name) ? path.join(assetsFolder(dataDir), name) : null;
}

/** The name an asset with these bytes has. */
export function assetNameOf(bytes: Uint8Array, ext: string): string {
  return `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
}

/**
 * Stores `bytes` as asset `name` (their content's name) durably, unless a file of that name is there already:
 * the same content is kept once. Throws StoreError naming the file when it cannot be written.
 */
export async function writeAsset(dataDir: string, name: string, bytes: Uint8Array): Promise<void> {
  const file = assetFile(dataDir, name);
  if (file === null || assetNameOf(bytes, name.split('.')[1] ?? '') !== name)
    throw new Error(`${name} is not the name of these bytes`);
  try {
    const existing = await fs.stat(file);
    if (existing.isFile() && existing.size === bytes.length) return;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw storeErrorFromFs(error, file, 'read');
  }
  await fs.mkdir(path.dirname(file), { recursive: true }).catch((error: unknown) => {
    throw storeErrorFromFs(error, path.dirname(file), 'write');
  });
  await writeFileDurably(file, bytes);
}

/** The names of every asset in the folder (temp files and anything not named as an asset skipped). */
export async function listAssets(dataDir: string): Promise<string[]> {
  try {
    return (await fs.readdir(assetsFolder(dataDir))).filter(isAssetName).sort();
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw storeErrorFromFs(error, assetsFolder(dataDir), 'list');
  }
}

/** Every asset whose bytes no longer match its name (damaged on disk), as problems for `check`. */
export async function checkAssets(dataDir: string): Promise<StoreProblem[]> {
  const problems: StoreProblem[] = [];
  for (const name of await listAssets(dataDir)) {
    const file = path.join(assetsFolder(dataDir), name);
    try {
      const bytes = await fs.readFile(file);
      if (assetNameOf(bytes, name.split('.')[1] ?? '') !== name)
        problems.push({
          file,
          code: 'corrupt',
          message: `${file} does not match its checksum: the picture is damaged.`,
        });
    } catch (error) {
      const failure = storeErrorFromFs(error, file, 'read');
      problems.push({ file, code: failure.code, message: failure.message });
    }
  }
  return problems;
}

/**
 * Deletes every asset not in `referenced` (the assets of every article still in the library, trash
 * included); resolves to how many were deleted.
 */
export async function collectAssets(dataDir: string, referenced: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const name of await listAssets(dataDir)) {
    if (referenced.has(name)) continue;
    await fs.rm(path.join(assetsFolder(dataDir), name), { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Every picture an article refers to that is not in the assets folder, as problems for `check`. Article
 * files that cannot be read are skipped here: checking them is reported on its own.
 */
export async function checkAssetReferences(dataDir: string, articlesFolder: string): Promise<StoreProblem[]> {
  const present = new Set(await listAssets(dataDir));
  const problems: StoreProblem[] = [];
  let names: string[];
  try {
    names = (await fs.readdir(articlesFolder)).filter(
      (name) => name.endsWith('.json') && !name.startsWith('.'),
    );
  } catch {
    return problems;
  }
  for (const name of names.sort()) {
    const file = path.join(articlesFolder, name);
    let blocks: unknown;
    try {
      blocks = (JSON.parse(await fs.readFile(file, 'utf8')) as { article?: { blocks?: unknown } }).article
        ?.blocks;
    } catch {
      continue;
    }
    if (!Array.isArray(blocks)) continue;
    for (const block of blocks as { image?: { asset?: unknown } }[]) {
      const asset = block.image?.asset;
      if (typeof asset !== 'string' || present.has(asset)) continue;
      problems.push({
        file: path.join(assetsFolder(dataDir), asset),
        code: 'not-found',
        message: `${file} shows the picture ${asset}, but it is missing from ${assetsFolder(dataDir)}.`,
      });
    }
  }
  return problems;
}
