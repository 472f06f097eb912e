import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeInvalid, errnoCode, StoreError, storeErrorFromFs } from './errors';

/** Why a backup was made; each kind rotates on its own. */
export const BACKUP_KINDS = ['daily', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** The file in each backup folder that lists its files; written last, so a folder without one is incomplete. */
export const MANIFEST = 'manifest.json';

const ManifestSchema = z.object({
  /** Marks the folder as made by Hamish (rotation deletes nothing else) and versions the manifest itself. */
  hamishBackup: z.literal(1),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.iso.datetime(),
  /** The version of the backed-up library.json: a restore refuses a backup newer than this app. */
  schemaVersion: z.number().int().min(0),
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().min(0),
    }),
  ),
});
/** What a backup holds, as recorded in its manifest.json. */
export type Manifest = z.infer<typeof ManifestSchema>;
/** One backed-up file: its path relative to the data folder, its SHA-256 and its size. */
export type ManifestEntry = Manifest['files'][number];

const NAME = /^(daily|pre-migration|pre-restore)-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)(?:-([1-9]\d*))?$/;

/** The parts of a backup folder's name `<kind>-<timestamp>[-n]`, or null for any other name. */
export function parseBackupName(name: string): { kind: BackupKind; stamp: string; n: number } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  return { kind: match[1] as BackupKind, stamp: match[2] ?? '', n: Number(match[3] ?? 1) };
}

/** The SHA-256 of some bytes, in hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and validates a backup folder's manifest: StoreError 'not-found' without one, 'corrupt' if damaged. */
export async function readManifest(folder: string): Promise<Manifest> {
  const file = path.join(folder, MANIFEST);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') {
      throw new StoreError('not-found', folder, `There is no backup in ${folder}.`, { cause: error });
    }
    throw storeErrorFromFs(error, file, 'read');
  }
  try {
    return ManifestSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new StoreError(
      'corrupt',
      file,
      `The backup manifest ${file} is damaged: ${describeInvalid(error)}.`,
      {
        cause: error,
      },
    );
  }
}
