import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../store/durable-file';
import { HamishError } from './errors';

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function fsError(file: string, error: unknown, doing: string): HamishError {
  const code = (error as NodeJS.ErrnoException).code;
  const kind = code === 'ENOSPC' ? 'disk-full' : code === 'ENOENT' ? 'not-found' : 'unwritable';
  return new HamishError(kind, `${file}: cannot be ${doing} (${code ?? 'error'}).`, file);
}

/**
 * Where an export chosen as `file` really goes (symbolic links followed), refusing what is not a regular
 * file (a device, a FIFO, a directory) and anything inside the data folder, which only the store writes.
 */
export async function exportTarget(file: string, dataDir: string): Promise<string> {
  const absolute = path.resolve(file);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fsError(file, error, 'written');
    if ((await lstat(absolute).catch(() => null))?.isSymbolicLink()) {
      throw new HamishError('not-found', `${file}: is a symbolic link to a file that does not exist.`, file);
    }
    const folder = await realpath(path.dirname(absolute)).catch(() => {
      throw new HamishError(
        'not-found',
        `${file}: the folder ${path.dirname(absolute)} does not exist.`,
        file,
      );
    });
    real = path.join(folder, path.basename(absolute));
  }
  const data = await realpath(dataDir).catch(() => path.resolve(dataDir));
  if (real === data || real.startsWith(data + path.sep)) {
    throw new HamishError(
      'invalid-input',
      `${file}: is inside the data folder ${dataDir}, whose files only Hamish writes; choose a file outside it.`,
      file,
    );
  }
  const info = await stat(real).catch(() => null);
  if (info && !info.isFile()) {
    throw new HamishError(
      'not-a-file',
      `${file}: is ${kindOf(info)}, not a regular file; an export is written only to a regular file.`,
      file,
    );
  }
  return real;
}

/**
 * Writes an export to a file the user chose (checked by exportTarget): a temp file beside it, with the old
 * file's permissions, flushed, renamed over it, the folder flushed — the file is always whole, old or new.
 */
export async function writeUserFile(file: string, text: string, dataDir: string): Promise<void> {
  const target = await exportTarget(file, dataDir);
  const old = await stat(target).catch(() => null);
  const mode = old ? old.mode & 0o7777 : 0o666;
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      if (old) await handle.chmod(mode); // open() applies the umask; an existing file keeps its own mode
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw fsError(file, error, 'written');
  }
  await syncDirectory(path.dirname(target));
}

/** Reads a text file the user chose, refusing it before reading when it is larger than `maxBytes`. */
export async function readUserFile(file: string, maxBytes: number): Promise<string> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new HamishError(
      error.code === 'ENOENT' ? 'not-found' : 'io',
      `${file}: cannot be read (${error.code}).`,
      file,
    );
  });
  if (!info.isFile()) throw new HamishError('not-a-file', `${file}: not a file.`, file);
  if (info.size > maxBytes) {
    throw new HamishError(
      'too-large',
      `${file}: ${Math.round(info.size / 1024 / 1024)} MB is more than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`,
      file,
    );
  }
  return readFile(file, 'utf8');
}
