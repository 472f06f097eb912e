import path from 'node:path';
import { newestBackupWith } from './backups';
import { StoreDocument, type Parser } from './document';
import { DurableJsonFile } from './durable-file';
import { StoreError } from './errors';
import type { StoreLayout } from './layout';
import { moveAside } from './move-aside';
import { SCHEMA_VERSION } from './schema';

/** A damaged file the store moved aside, so that the user can be told and offered a backup. */
export type Recovery = {
  /**
   * The file as the store knows it (absolute path), e.g. <dataDir>/annotations/<id>.json, also when what was
   * damaged is its journal (`movedTo` and `reason` then name the journal): the backup to offer is of that file.
   */
  file: string;
  /** Where its bytes are now: <name>.corrupt-<timestamp>.json (a journal: <id>.journal.corrupt-<timestamp>). */
  movedTo: string;
  /** Why it could not be read, in English (the StoreError message). */
  reason: string;
  /** The newest backup holding that file (a name for restoreBackup()), or null when none does. */
  newestBackup: string | null;
};

/** How a store treats files it cannot use as they are. */
export type LoadPolicy = {
  layout: StoreLayout;
  /** true: move nothing, throw the StoreError instead (for `hamish check` and reading beside the app). */
  readOnly: boolean;
  now: () => Date;
  recovered: (recovery: Recovery) => void;
  /** A file from a newer version was met: the store must stop writing. */
  metNewer: (error: StoreError) => void;
};

/**
 * Loads one store file into a document. A damaged file (empty, NUL-filled, cut short, not JSON, the wrong
 * shape) is moved aside and the document starts from its defaults, reported through `policy.recovered`; a file
 * from a newer version is shown as far as this version understands it and reported through `policy.metNewer`.
 * A file that could not be moved aside is never written over: its StoreError is thrown instead.
 */
export async function loadDocument<T extends object>(
  policy: LoadPolicy,
  file: string,
  parse: Parser<T>,
  defaults?: () => T,
): Promise<StoreDocument<T>> {
  try {
    return await StoreDocument.load(file, parse, defaults);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    if (error.code === 'newer-version') {
      policy.metNewer(error);
      return StoreDocument.holding(file, parse, defaults, await readLeniently(file, parse, defaults, error));
    }
    if (error.code !== 'corrupt' || policy.readOnly) throw error;
    await moveAsideAndReport(policy, file, error);
    return StoreDocument.holding(file, parse, defaults, defaults?.());
  }
}

/**
 * Moves a damaged file aside and reports it through `policy.recovered` as damage to `reported` (by default the
 * file itself), offering the newest backup that holds `reported`. Throws the StoreError 'corrupt' if it cannot
 * be moved: a damaged file is never written over.
 */
export async function moveAsideAndReport(
  policy: LoadPolicy,
  file: string,
  error: StoreError,
  reported = file,
): Promise<void> {
  const movedTo = await moveAside(file, policy.now()).catch((moveError: unknown) => {
    throw new StoreError(
      'corrupt',
      file,
      `${error.message} It could not be moved aside: ${String(moveError)}`,
      {
        cause: error,
      },
    );
  });
  const relative = path.relative(policy.layout.dataDir, reported).split(path.sep).join('/');
  const newestBackup = await newestBackupWith(policy.layout, relative).catch(() => null);
  policy.recovered({ file: reported, movedTo, reason: error.message, newestBackup });
}

/**
 * A newer file read as if it were of this version: a newer version that only added fields still shows the
 * user's data (read-only). If even that fails, the defaults are shown, or the error thrown when there are none.
 */
async function readLeniently<T extends object>(
  file: string,
  parse: Parser<T>,
  defaults: (() => T) | undefined,
  error: StoreError,
): Promise<T> {
  try {
    const json = await new DurableJsonFile(file, (data) => data).readJson();
    return parse({ ...(json as object), schemaVersion: SCHEMA_VERSION });
  } catch {
    if (defaults) return defaults();
    throw error;
  }
}
