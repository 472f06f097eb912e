import { randomBytes } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { describeInvalid, errnoCode, StoreError, storeErrorFromFs } from './errors';
import { SCHEMA_VERSION } from './schema';
import { SerialQueue } from './serial-queue';

// Windows antivirus and indexers briefly hold files open; a rename then fails with one of these.
const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_ATTEMPTS = 6;
const RENAME_FIRST_DELAY_MS = 20;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A lowdb adapter that survives a crash or power cut at any moment: the file on disk is always either the
 * previous or the new complete content. lowdb's own JSONFile renames without fsync, which can leave an empty
 * or NUL-filled file after a power cut, and uses a fixed temp name that two writers share.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly filename: string;
  private readonly parse: (data: unknown) => T;
  private readonly queue = new SerialQueue();

  constructor(filename: string, parse: (data: unknown) => T) {
    this.filename = filename;
    this.parse = parse;
  }

  /** Missing file → null. Anything unreadable → StoreError 'corrupt' or 'newer-version'; the file is left as is. */
  async read(): Promise<T | null> {
    const json = await this.readJson();
    return json === undefined ? null : this.check(json);
  }

  /**
   * The file's JSON before its schema is checked (undefined when there is no file, which JSON cannot be);
   * StoreError 'corrupt' if it is not JSON. Migrations use it to see a file's version, and a newer file is
   * shown leniently from it.
   */
  async readJson(): Promise<unknown> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.filename);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return undefined;
      throw storeErrorFromFs(error, this.filename, 'read');
    }
    return this.decode(bytes);
  }

  /** Replaces the file atomically and durably; resolves once the new content is on disk. Writes run in order. */
  write(data: T): Promise<void> {
    // Serialise now, so that a caller changing `data` after this call cannot change what is written.
    const text = JSON.stringify(data, null, 2) + '\n';
    return this.queue.run(() => writeFileDurably(this.filename, text));
  }

  private corrupt(problem: string, cause?: unknown): StoreError {
    return new StoreError('corrupt', this.filename, `${this.filename} is damaged: ${problem}.`, { cause });
  }

  private decode(bytes: Buffer): unknown {
    if (bytes.length === 0) throw this.corrupt('the file is empty (0 bytes)');
    let text: string;
    try {
      text = utf8.decode(bytes); // also drops a leading BOM
    } catch (error) {
      throw this.corrupt('it is not UTF-8 text', error);
    }
    if (/^\0+$/.test(text)) throw this.corrupt(`it holds only NUL bytes (${bytes.length} bytes)`);
    if (/^[\s\0]*$/.test(text)) throw this.corrupt('it holds no data, only blank space');
    try {
      return JSON.parse(text);
    } catch (error) {
      throw this.corrupt(`it is not valid JSON, perhaps cut short (${describeInvalid(error)})`, error);
    }
  }

  private check(json: unknown): T {
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new StoreError(
        'newer-version',
        this.filename,
        `${this.filename} was written by a newer version of Hamish (schema ${version}; this version reads ${SCHEMA_VERSION}).`,
      );
    }
    try {
      return this.parse(json);
    } catch (error) {
      throw this.corrupt(`its content does not have the expected shape (${describeInvalid(error)})`, error);
    }
  }
}

/**
 * Replaces `filename` with `content` so that a crash at any moment leaves either the old or the new content:
 * unique temp file → write → fsync → rename (retried while Windows holds the file) → fsync the folder.
 * On failure the temp file is removed and the old file is untouched; throws StoreError naming `filename`.
 */
export async function writeFileDurably(filename: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(filename);
  const temp = path.join(
    dir,
    `.${path.basename(filename)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeNewFileSynced(temp, content);
    await renameWithRetry(temp, filename);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw storeErrorFromFs(error, filename, 'write');
  }
  await syncDirectory(dir);
}

/**
 * Creates `file` (which must not exist) with `content` and fsyncs it: the first half of a durable write, also
 * used to stage every file of a change made of several files before any of them replaces its target.
 */
export async function writeNewFileSynced(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** rename(), retried while Windows holds the file; replaces `to` atomically. */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errnoCode(error);
      if (attempt >= RENAME_ATTEMPTS || code === undefined || !RENAME_RETRY_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_FIRST_DELAY_MS * 2 ** (attempt - 1)));
    }
  }
}

/**
 * Makes the rename itself durable. Windows cannot open a directory, and some file systems refuse to fsync one;
 * neither is reported, because the new content is already in place and visible — calling the write failed
 * would make the caller roll back to data that is no longer on disk.
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // See above: best effort by design.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
