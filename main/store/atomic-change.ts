import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { renameWithRetry, syncDirectory, writeFileDurably, writeNewFileSynced } from './durable-file';
import { errnoCode, StoreError, storeErrorFromFs } from './errors';
import type { StoreLayout } from './layout';
import { IdSchema } from './schema';

/**
 * A change to several store files that lands whole or not at all, whatever fails (disk full, I/O error, the
 * process killed). Every new file is first written beside its target under a temp name and fsynced; then one
 * file, `.pending-change.json`, is written (through a rename) listing what replaces what: that rename is the
 * commit. Only then are the temp files renamed over their targets and the deleted files removed, and the
 * record last. A failure before the commit removes the temp files, leaving the store as it was; a crash after
 * it is finished when the store is next opened (finishPendingChange), as renames and deletions can be redone.
 */

/** One file of a change: its new content, or null to delete it. */
export type FileStep = { file: string; content: string | Uint8Array | null };

export const PENDING_CHANGE = '.pending-change.json';

const Record = z
  .object({
    version: z.literal(1),
    steps: z.array(z.object({ file: z.string(), staged: z.string().nullable() }).strict()),
  })
  .strict();
type Record = z.infer<typeof Record>;

/** Applies `steps` all or nothing; resolves once the change is durable. See the top of this file. */
export async function commitChange(layout: StoreLayout, steps: readonly FileStep[]): Promise<void> {
  const tag = randomBytes(6).toString('hex');
  const staged: string[] = [];
  const record: Record = { version: 1, steps: [] };
  try {
    for (const { file, content } of steps) {
      let temp: string | null = null;
      if (content !== null) {
        temp = path.join(path.dirname(file), `.${path.basename(file)}.${tag}.staged`);
        staged.push(temp);
        await writeNewFileSynced(temp, content).catch((error: unknown) => {
          throw storeErrorFromFs(error, file, 'write');
        });
      }
      record.steps.push({ file: relative(layout, file), staged: temp && relative(layout, temp) });
    }
    // The temp files' names must be on disk before a record that names them.
    for (const dir of foldersOf(staged)) await syncDirectory(dir);
    await writeFileDurably(pendingFile(layout), JSON.stringify(record, null, 2) + '\n');
  } catch (error) {
    throw await withCleanup(error, staged);
  }
  try {
    await applyRecord(layout, record);
  } catch (error) {
    const cause = error instanceof StoreError ? error : storeErrorFromFs(error, pendingFile(layout), 'write');
    throw new StoreError(
      cause.code,
      cause.file,
      `${cause.message} The change was saved, but could not be put in place; it will be when ${layout.dataDir} is next opened, and nothing more is saved until then.`,
      { cause },
    );
  }
}

/**
 * Finishes a change that was committed but not put in place (a crash, a failure); called when the store opens,
 * before anything is read. Returns the record's path when there was one, null otherwise. A record that cannot
 * be read, or that names files outside the store, is not acted upon: StoreError 'corrupt'.
 */
export async function finishPendingChange(layout: StoreLayout): Promise<string | null> {
  const file = pendingFile(layout);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw storeErrorFromFs(error, file, 'read');
  }
  let record: Record;
  try {
    record = Record.parse(JSON.parse(text));
    for (const step of record.steps) checkStep(step);
  } catch (error) {
    throw new StoreError(
      'corrupt',
      file,
      `${file} (an unfinished change) is damaged: ${String(error)}. It was left as it is.`,
      { cause: error },
    );
  }
  await applyRecord(layout, record);
  return file;
}

async function applyRecord(layout: StoreLayout, record: Record): Promise<void> {
  const touched = new Set<string>();
  for (const { file, staged } of record.steps) {
    const target = path.join(layout.dataDir, file);
    touched.add(path.dirname(target));
    if (staged === null) {
      await fs.rm(target, { force: true }).catch((error: unknown) => {
        throw storeErrorFromFs(error, target, 'remove');
      });
      continue;
    }
    const from = path.join(layout.dataDir, staged);
    try {
      await renameWithRetry(from, target);
    } catch (error) {
      // Already renamed by an earlier attempt, which then stopped: its target holds the new content.
      if (errnoCode(error) === 'ENOENT' && (await exists(target))) continue;
      throw storeErrorFromFs(error, target, 'write');
    }
  }
  for (const dir of touched) await syncDirectory(dir);
  const pending = pendingFile(layout);
  await fs.rm(pending, { force: true }).catch((error: unknown) => {
    throw storeErrorFromFs(error, pending, 'remove');
  });
  await syncDirectory(layout.dataDir);
}

// A failed change must change nothing: its temp files go. One that cannot be removed is harmless (temp names
// are never read) but is still reported, with the failure that stopped the change.
async function withCleanup(error: unknown, staged: readonly string[]): Promise<unknown> {
  const left: string[] = [];
  for (const temp of staged) await fs.rm(temp, { force: true }).catch(() => left.push(temp));
  if (left.length === 0 || !(error instanceof StoreError)) return error;
  return new StoreError(
    error.code,
    error.file,
    `${error.message} Nothing was changed; these temp files could not be removed: ${left.join(', ')}.`,
    { cause: error },
  );
}

// Only the store's own files, and temp files beside them, may be named by a record read from disk.
const STORE_FILE = /^(library\.json|(articles|annotations)\/([^/]+)\.json|annotations\/([^/]+)\.journal)$/;
const STAGED = /^(?:(articles|annotations)\/)?\.([^/]+)\.[0-9a-f]{12}\.staged$/;

function checkStep({ file, staged }: { file: string; staged: string | null }): void {
  const match = STORE_FILE.exec(file);
  const id = match?.[3] ?? match?.[4];
  if (!match || (id !== undefined && !IdSchema.safeParse(id).success)) {
    throw new Error(`it names ${JSON.stringify(file)}, which is not a store file`);
  }
  if (staged === null) return;
  const temp = STAGED.exec(staged);
  if (
    !temp ||
    path.posix.dirname(staged) !== path.posix.dirname(file) ||
    temp[2] !== path.posix.basename(file)
  ) {
    throw new Error(`it names ${JSON.stringify(staged)}, which is not a temp file of ${file}`);
  }
}

function pendingFile(layout: StoreLayout): string {
  return path.join(layout.dataDir, PENDING_CHANGE);
}

function relative(layout: StoreLayout, file: string): string {
  return path.relative(layout.dataDir, file).split(path.sep).join('/');
}

function foldersOf(files: readonly string[]): Set<string> {
  return new Set(files.map((file) => path.dirname(file)));
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
