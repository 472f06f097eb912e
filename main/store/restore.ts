import fs from 'node:fs/promises';
import path from 'node:path';
import { parseBackupName, readManifest, sha256, type Manifest } from './backup-manifest';
import { commitChange } from './atomic-change';
import { isAssetName, writeAsset } from './assets';
import { StoreError, storeErrorFromFs } from './errors';
import type { StoreLayout } from './layout';
import { SCHEMA_VERSION } from './schema';
import { listStoreFiles, storeFileAt, type StoreFile } from './store-files';

/** A backup read into memory, every file checked against its hash, ready to be written back. */
export type VerifiedBackup = {
  name: string;
  manifest: Manifest;
  files: { target: StoreFile; bytes: Buffer }[];
  /** Pictures of articles (`assets/<name>`), each checked against its hash. */
  assets: { name: string; bytes: Buffer }[];
};

/**
 * Reads backup `name` and checks it can be restored, changing nothing: StoreError 'not-found' for an unknown
 * name (or a file of `only` it does not hold), 'corrupt' when a file does not match its hash or the manifest
 * names a file outside the store, 'newer-version' when it was made by a newer Hamish.
 * `only` restricts it to some files (paths relative to the data folder, as 'annotations/<id>.json').
 */
export async function readVerifiedBackup(
  layout: StoreLayout,
  name: string,
  only?: readonly string[],
): Promise<VerifiedBackup> {
  // The name comes from the UI or the command line: only a backup folder's name can reach the file system.
  if (!parseBackupName(name)) {
    throw new StoreError('not-found', layout.backups, `There is no backup named ${JSON.stringify(name)}.`);
  }
  const folder = path.join(layout.backups, name);
  const manifest = await readManifest(folder);
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw new StoreError(
      'newer-version',
      folder,
      `The backup ${name} was made by a newer version of Hamish (schema ${manifest.schemaVersion}).`,
    );
  }
  for (const wanted of only ?? []) {
    if (!manifest.files.some((file) => file.path === wanted)) {
      throw new StoreError('not-found', folder, `The backup ${name} does not hold ${wanted}.`);
    }
  }
  const files: VerifiedBackup['files'] = [];
  const assets: VerifiedBackup['assets'] = [];
  for (const entry of manifest.files) {
    if (only && !only.includes(entry.path)) continue;
    const asset = /^assets\/([^/]+)$/.exec(entry.path)?.[1];
    if (asset !== undefined && isAssetName(asset)) {
      assets.push({ name: asset, bytes: await readChecked(folder, name, entry) });
      continue;
    }
    const target = storeFileAt(layout, entry.path);
    const copy = path.join(folder, entry.path);
    if (!target) throw new StoreError('corrupt', copy, `The backup ${name} names a file outside the store.`);
    const bytes = await fs.readFile(copy).catch((error: unknown) => {
      throw storeErrorFromFs(error, copy, 'read');
    });
    if (sha256(bytes) !== entry.sha256) {
      throw new StoreError(
        'corrupt',
        copy,
        `The backup ${name} is damaged: ${entry.path} does not match its checksum.`,
      );
    }
    files.push({ target, bytes });
  }
  return { name, manifest, files, assets };
}

/** A file of backup `name` read whole, checked against the manifest's hash. */
async function readChecked(folder: string, name: string, entry: Manifest['files'][number]): Promise<Buffer> {
  const copy = path.join(folder, entry.path);
  const bytes = await fs.readFile(copy).catch((error: unknown) => {
    throw storeErrorFromFs(error, copy, 'read');
  });
  if (sha256(bytes) !== entry.sha256) {
    throw new StoreError(
      'corrupt',
      copy,
      `The backup ${name} is damaged: ${entry.path} does not match its checksum.`,
    );
  }
  return bytes;
}

/**
 * Writes a verified backup's files over the store's, all or nothing (atomic-change.ts): a failure part-way
 * leaves every file as it was. Returns the store files it did not replace: they stay as they are, never
 * deleted (and are also in the pre-restore backup).
 */
export async function writeBackupFiles(layout: StoreLayout, backup: VerifiedBackup): Promise<string[]> {
  const restored = new Set(backup.files.map(({ target }) => target.path));
  const kept = (await listStoreFiles(layout)).map((file) => file.path).filter((file) => !restored.has(file));
  // Pictures first: an article brought back finds its pictures in place. Present ones are kept as they are;
  // one written for a restore that then fails is unreferenced, and goes when the trash is next emptied.
  for (const { name, bytes } of backup.assets) await writeAsset(layout.dataDir, name, bytes);
  await commitChange(
    layout,
    backup.files.map(({ target, bytes }) => ({ file: target.file, content: bytes })),
  );
  return kept;
}
