import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { HamishError } from './errors';

/** Writes a file the user chose (an export): temp file beside it, flushed, then renamed over the target. */
export async function writeUserFile(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new HamishError(
      code === 'ENOSPC' ? 'disk-full' : 'unwritable',
      `${file}: cannot be written (${code ?? 'error'}).`,
      file,
    );
  }
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
