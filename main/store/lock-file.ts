import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from './durable-file';
import { errnoCode, storeErrorFromFs } from './errors';

/*
 * The file operations the data folder's lock rests on: a lock file appears whole or not at all, and each
 * version of it has an identity, so that "remove it only if it is still the one I looked at" can be decided.
 */

/** A lock file as read: its text and an identity that no later lock file can share. */
export type FoundFile = { text: string; identity: string };

// File systems without hard links (FAT on a USB stick, some network shares) refuse link() with one of these.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Creates `file` holding `text` unless it exists; false when it does. Its content is written to a temp file and
 * fsynced first, then link()ed to the name, which fails if the name exists: so nobody can ever read the lock
 * half-written, and an empty or unreadable lock file can only be debris. Where there are no hard links, the
 * file is created exclusively and written in place, and then read back to check that it is still this one.
 */
export async function createWhole(file: string, text: string): Promise<boolean> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await fs.writeFile(temp, text, { flag: 'wx' });
    const handle = await fs.open(temp, 'r');
    await handle.sync().finally(() => handle.close());
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw storeErrorFromFs(error, file, 'create');
  }
  try {
    await fs.link(temp, file);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    if (!NO_LINKS.has(errnoCode(error) ?? '')) throw storeErrorFromFs(error, file, 'create');
    return createInPlace(file, text);
  } finally {
    await fs.rm(temp, { force: true });
  }
  await syncDirectory(path.dirname(file));
  return true;
}

async function createInPlace(file: string, text: string): Promise<boolean> {
  try {
    await fs.writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw storeErrorFromFs(error, file, 'create');
  }
  // In the moment between creating and writing, another process may have judged the empty file debris.
  return (await readFound(file))?.text === text;
}

/**
 * Reads `file` (null when there is none). Its identity comes from the inode, size, modification time and
 * text read through one open file, so it describes exactly the version read.
 */
export async function readFound(file: string): Promise<FoundFile | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw storeErrorFromFs(error, file, 'read');
  }
  try {
    const stat = await handle.stat();
    const text = await handle.readFile('utf8');
    const identity = createHash('sha256')
      .update(`${stat.ino}:${stat.size}:${stat.mtimeMs}:${text}`)
      .digest('hex')
      .slice(0, 32);
    return { text, identity };
  } catch (error) {
    throw storeErrorFromFs(error, file, 'read');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Removes `file`; one already gone is fine. */
export async function removeFile(file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw storeErrorFromFs(error, file, 'remove');
  }
}
