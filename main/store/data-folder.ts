import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, StoreError } from './errors';
import type { StoreLayout } from './layout';

/** Creates the data folder and its subfolders, and proves the data folder writable with a probe file. */
export async function prepareFolders(layout: StoreLayout): Promise<void> {
  await makeFolder(layout.dataDir);
  const probe = path.join(layout.dataDir, `.write-probe.${process.pid}.${randomBytes(6).toString('hex')}`);
  try {
    await fs.writeFile(probe, '', { flag: 'wx' });
    await fs.rm(probe);
  } catch (error) {
    await fs.rm(probe, { force: true }).catch(() => undefined);
    throw unusableFolder(error, layout.dataDir);
  }
  for (const folder of [layout.articles, layout.annotations, layout.backups]) await makeFolder(folder);
}

async function makeFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    throw unusableFolder(error, folder);
  }
}

// Whatever stops the folder from being created or written (no permission, read-only disk, a file in the way)
// means the same to the user: choose another data folder.
function unusableFolder(error: unknown, folder: string): StoreError {
  const code = errnoCode(error) ?? 'unknown error';
  const options = { cause: error };
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new StoreError(
      'disk-full',
      folder,
      `Cannot write in ${folder}: the disk is full (${code}).`,
      options,
    );
  }
  return new StoreError(
    'unwritable',
    folder,
    `Cannot create or write the data folder ${folder} (${code}).`,
    options,
  );
}
