import path from 'node:path';
import { z } from 'zod';
import { createBackup } from './backups';
import { DurableJsonFile, writeFileDurably } from './durable-file';
import { StoreError } from './errors';
import { Journal, journalFileOf, listJournalIds, readJournalOfAnyVersion, replay } from './journal';
import type { StoreLayout } from './layout';
import { versionOf } from './migrations';
import { SCHEMA_VERSION } from './schema';
import { listStoreFiles, type StoreFile } from './store-files';

/** What the migration at open did, for the log and the UI. */
export type MigrationReport = {
  /** The version library.json had. */
  from: number;
  to: number;
  /** How many files were rewritten in the current format. */
  files: number;
  /** The pre-migration backup made first. */
  backup: string;
};

/**
 * Brings every store file up to SCHEMA_VERSION on disk, after a `pre-migration` backup. Runs only when
 * library.json is older, as it is written last: a crash part-way leaves it old, so the next open finishes the
 * job (files already migrated are skipped, as each carries its own version). A file whose data does not fit
 * its old version is left as it is, to be moved aside as corrupt when the store reads it. Returns null when
 * there was nothing to do. Annotations journals are folded into their snapshots first (see foldJournals).
 * Throws StoreError if the backup or a write fails (files written so far are valid).
 */
export async function migrateFiles(layout: StoreLayout, now: Date): Promise<MigrationReport | null> {
  const libraryFrom = versionOf(await readJsonOrNull(layout.library));
  if (libraryFrom === null || libraryFrom >= SCHEMA_VERSION) return null;
  await foldJournals(layout);

  const pending: { file: StoreFile; json: unknown }[] = [];
  for (const file of await listStoreFiles(layout)) {
    const json = await readJsonOrNull(file.file);
    const version = versionOf(json);
    if (version !== null && version < SCHEMA_VERSION) pending.push({ file, json });
  }
  const backup = await createBackup(layout, 'pre-migration', now);
  let written = 0;
  // listStoreFiles() puts library.json last, as the comment above requires.
  for (const { file, json } of pending) {
    let migrated: unknown;
    try {
      migrated = file.parse(json);
    } catch {
      continue;
    }
    await new DurableJsonFile(file.file, file.parse).write(migrated);
    written++;
  }
  return { from: libraryFrom, to: SCHEMA_VERSION, files: written, backup: backup.name };
}

// A file that is not JSON has no version: it is left for the store to move aside when it reads it.
async function readJsonOrNull(file: string): Promise<unknown> {
  try {
    return await new DurableJsonFile(file, (data) => data).readJson();
  } catch (error) {
    if (error instanceof StoreError && error.code === 'corrupt') return null;
    throw error;
  }
}

const FoldableSnapshot = z.looseObject({ highlights: z.array(z.looseObject({ id: z.string() })) });

/**
 * Folds every annotations journal into its snapshot, both still of their old version: the pre-migration backup
 * copies snapshots only, and the migration steps know snapshots only. A journal's lines are folded by id alone,
 * which holds for any version. A journal or snapshot that cannot be read, or whose versions differ, is left as
 * it is, for the store to move aside when it reads it.
 */
async function foldJournals(layout: StoreLayout): Promise<void> {
  for (const id of await listJournalIds(layout.annotations)) {
    const snapshotFile = path.join(layout.annotations, `${id}.json`);
    const journalFile = journalFileOf(snapshotFile);
    const journal = await readJournalOfAnyVersion(journalFile, id).catch(() => null);
    if (!journal) continue;
    const read = await readJsonOrNull(snapshotFile); // undefined: no snapshot yet; null: a damaged one
    if (read === null) continue;
    const json = read ?? { schemaVersion: journal.schemaVersion, articleId: id, highlights: [] };
    const snapshot = FoldableSnapshot.safeParse(json);
    if (!snapshot.success || versionOf(json) !== journal.schemaVersion) continue;
    const folded = { ...snapshot.data, highlights: replay(snapshot.data.highlights, journal.ops) };
    await writeFileDurably(snapshotFile, JSON.stringify(folded, null, 2) + '\n');
    await new Journal(journalFile, id, journal).remove();
  }
}
