/**
 * The store's front door: open a data folder, read and write its files, check them; recovery of damaged
 * files, backups, migrations and the data folder's lock.
 */
export { openStore, type FilesChange, type OpenOptions, type RestoreOutcome, type Store } from './store';
export { checkDataDir, type StoreProblem } from './check';
export { StoreError, type StoreErrorCode } from './errors';
export { DurableJsonFile } from './durable-file';
export { assetFile } from './assets';
export { SerialQueue } from './serial-queue';
export type { Recovery } from './recovery';
export { BACKUP_KINDS, KEEP, type BackupInfo, type BackupKind } from './backups';
export type { MigrationReport } from './migrate-files';
export { acquireLock, assertWritable, readLock, LOCK_FILE, type LockHolder, type LockOwner } from './lock';
export {
  ArticleSchema,
  HighlightSchema,
  ProgressSchema,
  SCHEMA_VERSION,
  type AnnotationsFile,
  type ArticleFile,
  type ArticleMeta,
  type LibraryFile,
  type Progress,
  type ReviewFile,
} from './schema';
