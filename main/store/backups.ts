import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  MANIFEST,
  parseBackupName,
  readManifest,
  sha256,
  type BackupKind,
  type Manifest,
  type ManifestEntry,
} from './backup-manifest';
import { syncDirectory } from './durable-file';
import { errnoCode, StoreError, storeErrorFromFs } from './errors';
import { fileTimestamp, type StoreLayout } from './layout';
import { versionOf } from './migrations';
import { SCHEMA_VERSION } from './schema';
import { listStoreFiles, type StoreFile } from './store-files';
import { ASSETS_FOLDER, assetsFolder, listAssets } from './assets';

export { BACKUP_KINDS, type BackupKind } from './backup-manifest';

/** How many backups of each kind rotation keeps (the issue: a week of dailies, a few of the others). */
export const KEEP: Readonly<Record<BackupKind, number>> = { daily: 7, 'pre-migration': 5, 'pre-restore': 5 };

/** A backup as listed to the user. */
export type BackupInfo = {
  /** The folder name under `<dataDir>/backups/`, which restoreBackup() takes. */
  name: string;
  kind: BackupKind;
  /** ISO date of the snapshot. */
  createdAt: string;
  /** How many store files it holds. */
  files: number;
  /** The version of its library.json; null when its manifest is missing or damaged. */
  schemaVersion: number | null;
  /**
   * Its manifest is intact and every file it lists is present at its recorded size. A backup is only named
   * once its hashes were checked after writing; restoreBackup() checks every hash again before using it.
   */
  verified: boolean;
};

type Scanned = { info: BackupInfo; manifest: Manifest | null };

/**
 * Snapshots the store into `backups/<kind>-<timestamp>/`: a copy of library.json and annotations/*.json, and
 * the article files, then manifest.json. Annotations journals are not copied: the store folds them into their
 * snapshots first (a migration at open folds them before its backup too), so that a backup is a set of plain
 * snapshots, each restorable on its own. Everything is fsynced and read back against its hash before the folder
 * gets its name, so a listed backup was complete. Rotation then keeps the newest KEEP[kind] of that kind.
 * Articles are hard links where the file system allows (a copy elsewhere): the store only ever replaces an
 * article by renaming a new file over it, never in place, so the link keeps the old bytes at no cost in space.
 */
export async function createBackup(layout: StoreLayout, kind: BackupKind, now: Date): Promise<BackupInfo> {
  await makeFolder(layout.backups);
  const temp = path.join(
    layout.backups,
    `.${kind}-${fileTimestamp(now)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await fs.mkdir(temp);
    const files = await copyStoreFiles(layout, temp);
    const manifest: Manifest = {
      hamishBackup: 1,
      kind,
      createdAt: now.toISOString(),
      schemaVersion: await libraryVersion(temp, files),
      files,
    };
    await writeSynced(path.join(temp, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    await verifyCopy(temp, manifest);
    for (const folder of ['articles', 'annotations', ASSETS_FOLDER, '.'])
      await syncDirectory(path.join(temp, folder));
    const name = await nameFolder(layout.backups, temp, kind, now);
    await syncDirectory(layout.backups);
    // The backup is complete: a failed deletion of an old one must not report it as failed (a restore would
    // then stop for want of its pre-restore backup). An old folder left over goes at the next rotation.
    await rotate(layout, kind, name).catch(() => undefined);
    return {
      name,
      kind,
      createdAt: manifest.createdAt,
      files: files.length,
      schemaVersion: manifest.schemaVersion,
      verified: true,
    };
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw error instanceof StoreError ? error : storeErrorFromFs(error, layout.backups, 'write a backup in');
  }
}

/** Every backup, newest first. Other folders and files under backups/ are not listed (and never touched). */
export async function listBackups(layout: StoreLayout): Promise<BackupInfo[]> {
  return (await scanBackups(layout, true)).map(({ info }) => info);
}

/**
 * Makes today's daily backup unless one exists (today in local time: the user's calendar day). Cheap when it
 * exists: only the dailies' manifests are read. Returns the new backup, or null when none was needed (also for
 * a store with no file yet). `prepare` runs just before a backup is made (the store folds its journals in).
 */
export async function ensureDailyBackup(
  layout: StoreLayout,
  now: Date,
  prepare: () => Promise<void> = async () => undefined,
): Promise<BackupInfo | null> {
  const today = localDay(now);
  const dailies = (await scanBackups(layout, false)).filter(({ info }) => info.kind === 'daily');
  if (dailies.some(({ manifest }) => manifest && localDay(new Date(manifest.createdAt)) === today))
    return null;
  await prepare();
  if ((await listStoreFiles(layout)).length === 0) return null;
  return createBackup(layout, 'daily', now);
}

/** The newest backup that holds `relative` (e.g. 'annotations/<id>.json'), to offer when that file is damaged. */
export async function newestBackupWith(layout: StoreLayout, relative: string): Promise<string | null> {
  const found = (await scanBackups(layout, false)).find(({ manifest }) =>
    manifest?.files.some((file) => file.path === relative),
  );
  return found?.info.name ?? null;
}

async function copyStoreFiles(layout: StoreLayout, temp: string): Promise<ManifestEntry[]> {
  await fs.mkdir(path.join(temp, 'articles'));
  await fs.mkdir(path.join(temp, 'annotations'));
  const entries: ManifestEntry[] = [];
  for (const file of await listStoreFiles(layout)) {
    const bytes = await copyOne(file, path.join(temp, file.path));
    if (bytes) entries.push({ path: file.path, sha256: sha256(bytes), bytes: bytes.length });
  }
  entries.push(...(await copyAssets(layout, temp)));
  return entries;
}

/**
 * Adds the pictures of articles to a backup, as hard links where the file system allows: an asset is never
 * rewritten (its name is its content), so a link costs no space and keeps the bytes.
 */
async function copyAssets(layout: StoreLayout, temp: string): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  const names = await listAssets(layout.dataDir);
  if (names.length > 0) await fs.mkdir(path.join(temp, ASSETS_FOLDER));
  for (const name of names) {
    const relative = `${ASSETS_FOLDER}/${name}`;
    const file = {
      path: relative,
      file: path.join(assetsFolder(layout.dataDir), name),
      kind: 'article' as const,
    };
    const bytes = await copyOne({ ...file, parse: (data: unknown) => data }, path.join(temp, relative));
    if (bytes) entries.push({ path: relative, sha256: sha256(bytes), bytes: bytes.length });
  }
  return entries;
}

/** Copies (or links) one file; returns the bytes now in the backup, or null if the file vanished meanwhile. */
async function copyOne(file: StoreFile, target: string): Promise<Buffer | null> {
  try {
    if (file.kind === 'article') {
      try {
        await fs.link(file.file, target);
        return await fs.readFile(target);
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') throw error;
        // No hard links here (FAT, some network shares): copy below.
      }
    }
    const bytes = await fs.readFile(file.file);
    await writeSynced(target, bytes);
    return bytes;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

async function writeSynced(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// The manifest records the library's version (or ours, when there is no readable library.json in the backup).
async function libraryVersion(temp: string, files: ManifestEntry[]): Promise<number> {
  if (!files.some((file) => file.path === 'library.json')) return SCHEMA_VERSION;
  try {
    return (
      versionOf(JSON.parse(await fs.readFile(path.join(temp, 'library.json'), 'utf8'))) ?? SCHEMA_VERSION
    );
  } catch {
    return SCHEMA_VERSION; // a damaged library.json is backed up as it is; its version is unknown
  }
}

/** Reads back the manifest and every file just written, and compares them with what was meant to be written. */
async function verifyCopy(temp: string, expected: Manifest): Promise<void> {
  const manifest = await readManifest(temp);
  if (JSON.stringify(manifest) !== JSON.stringify(expected)) {
    throw new StoreError(
      'io',
      path.join(temp, MANIFEST),
      'The backup manifest did not read back as written.',
    );
  }
  for (const file of manifest.files) {
    const copy = path.join(temp, file.path);
    if (sha256(await fs.readFile(copy)) !== file.sha256) {
      throw new StoreError('io', copy, `The backup copy of ${file.path} did not read back as written.`);
    }
  }
}

// Renames the finished folder to `<kind>-<timestamp>`; two backups in the same millisecond get -2, -3…
async function nameFolder(backups: string, temp: string, kind: BackupKind, now: Date): Promise<string> {
  for (let n = 1; ; n++) {
    const name = `${kind}-${fileTimestamp(now)}${n === 1 ? '' : `-${n}`}`;
    try {
      await fs.rename(temp, path.join(backups, name));
      return name;
    } catch (error) {
      const code = errnoCode(error);
      if ((code !== 'EEXIST' && code !== 'ENOTEMPTY') || n >= 1000) throw error;
    }
  }
}

/** Deletes the oldest backups of `kind` beyond KEEP[kind]: only folders with a Hamish manifest, never `keep`. */
async function rotate(layout: StoreLayout, kind: BackupKind, keep: string): Promise<void> {
  const ours = (await scanBackups(layout, false)).filter(
    ({ info, manifest }) => manifest !== null && info.kind === kind,
  );
  for (const { info } of ours.slice(KEEP[kind])) {
    if (info.name !== keep)
      await fs.rm(path.join(layout.backups, info.name), { recursive: true, force: true });
  }
}

/** Backup folders newest first; `checkFiles` also stats every listed file (for the `verified` flag). */
async function scanBackups(layout: StoreLayout, checkFiles: boolean): Promise<Scanned[]> {
  let names: string[];
  try {
    names = await fs.readdir(layout.backups);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw storeErrorFromFs(error, layout.backups, 'list');
  }
  const scanned: (Scanned & { order: [string, number] })[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const folder = path.join(layout.backups, name);
    const manifest = await readManifest(folder).catch(() => null);
    const fromName = parsed.stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
    const verified =
      manifest !== null &&
      manifest.kind === parsed.kind &&
      (!checkFiles || (await filesPresent(folder, manifest)));
    scanned.push({
      info: {
        name,
        kind: parsed.kind,
        createdAt: manifest?.createdAt ?? fromName,
        files: manifest?.files.length ?? 0,
        schemaVersion: manifest?.schemaVersion ?? null,
        verified,
      },
      manifest: manifest?.kind === parsed.kind ? manifest : null,
      order: [parsed.stamp, parsed.n],
    });
  }
  // Newest first: by the timestamp in the name, then by its -n suffix (several in one millisecond).
  const newestFirst = (a: [string, number], b: [string, number]): number =>
    a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1;
  return scanned
    .sort((a, b) => newestFirst(a.order, b.order))
    .map(({ info, manifest }) => ({ info, manifest }));
}

async function filesPresent(folder: string, manifest: Manifest): Promise<boolean> {
  for (const file of manifest.files) {
    const size = await fs.stat(path.join(folder, file.path)).then(
      (stat) => stat.size,
      () => -1,
    );
    if (size !== file.bytes) return false;
  }
  return true;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

async function makeFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    throw storeErrorFromFs(error, folder, 'create');
  }
}
