import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from './durable-file';
import { errnoCode, storeErrorFromFs } from './errors';
import { fileTimestamp } from './layout';

// Far more than any real clash (two damaged files moved in the same millisecond); only stops an endless loop.
const MAX_SUFFIX = 1000;

/**
 * Moves a damaged store file out of the store's way, beside it, as `<name>.corrupt-<timestamp>.json` (a
 * journal, `<id>.journal`, as `<id>.journal.corrupt-<timestamp>`), and returns its new path. Its bytes are kept
 * as they were, for the user or a support request. It never replaces an existing file: a second damaged file
 * in the same millisecond gets `-2`, `-3`… after the timestamp. The new name is neither `<id>.json` nor
 * `<id>.journal`, so the store never reads it again.
 */
export async function moveAside(file: string, now: Date): Promise<string> {
  const dir = path.dirname(file);
  const json = file.endsWith('.json');
  const base = `${path.basename(file, json ? '.json' : undefined)}.corrupt-${fileTimestamp(now)}`;
  for (let n = 1; ; n++) {
    const target = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}${json ? '.json' : ''}`);
    try {
      await moveWithoutReplacing(file, target);
      await syncDirectory(dir);
      return target;
    } catch (error) {
      if (errnoCode(error) === 'EEXIST' && n < MAX_SUFFIX) continue;
      throw storeErrorFromFs(error, file, 'move aside');
    }
  }
}

// rename() silently replaces its target, so the new name is made with link() (which refuses an existing name)
// and the old one removed. File systems without hard links (FAT, some shares) get an exclusive copy instead.
async function moveWithoutReplacing(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST' || errnoCode(error) === 'ENOENT') throw error;
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
    const copy = await fs.open(to, 'r+');
    try {
      await copy.sync();
    } finally {
      await copy.close();
    }
  }
  await fs.unlink(from);
}
