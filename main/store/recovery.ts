import path from 'node:path';
import { newestBackupWith } from './backups';
import { StoreDocument, type Parser } from './document';
import { DurableJsonFile } from './durable-file';
import { StoreError } from './errors';
import type { StoreLayout } from './layout';
import { moveAside } from './move-aside';
import type { Rebuilt } from './rebuild';
import { SCHEMA_VERSION } from './schema';

/** A damaged file the store moved aside, so that the user can be told and offered a backup. */
export type Recovery = {
  /**
   * The file as the store knows it (absolute path), e.g. <dataDir>/annotations/<id>.json, also when what was
   * damaged is its journal (`movedTo` and `reason` then name the journal): the backup to offer is of that file.
   */
  file: string;
  /**
   * Where its bytes are now: <name>.corrupt-<timestamp>.json (a journal: <id>.journal.corrupt-<timestamp>);
   * null when nothing was kept aside (a journal's last change cut short by a crash, never acknowledged).
   */
  movedTo: string | null;
  /** Why it could not be read, in English (the StoreError message). */
  reason: string;
  /** What the store recovered and from where (or that it could not), in English. */
  recovered: string;
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
 * shape) is moved aside and the document starts from what `rebuild` recovers (written at once), else from its
 * defaults, reported through `policy.recovered`; a file
 * from a newer version is shown as far as this version understands it and reported through `policy.metNewer`.
 * A file that could not be moved aside is never written over: its StoreError is thrown instead.
 */
export async function loadDocument<T extends object>(
  policy: LoadPolicy,
  file: string,
  parse: Parser<T>,
  defaults?: () => T,
  rebuild?: (movedTo: string) => Promise<Rebuilt<T> | null>,
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
    const movedTo = await keepAside(policy, file, error);
    const rebuilt = rebuild ? await rebuild(movedTo) : null;
    if (!rebuilt) {
      const recovered = defaults
        ? 'Nothing could be recovered, so it starts again empty; the damaged copy holds what it had.'
        : 'Nothing could be recovered: no backup holds it, so it is only in the damaged copy.';
      await report(policy, { file, movedTo, reason: error.message, recovered });
      return StoreDocument.holding(file, parse, defaults, defaults?.());
    }
    // Written at once, so that what was recovered is on disk even if nothing else is saved.
    const document = StoreDocument.holding(file, parse, defaults, rebuilt.data);
    await document.replace(rebuilt.data);
    await report(policy, { file, movedTo, reason: error.message, recovered: rebuilt.recovered });
    return document;
  }
}

/**
 * Moves a damaged file aside and returns where it went. Throws the StoreError 'corrupt' if it cannot be moved:
 * a damaged file is never written over.
 */
export async function keepAside(policy: LoadPolicy, file: string, error: StoreError): Promise<string> {
  return moveAside(file, policy.now()).catch((moveError: unknown) => {
    throw new StoreError(
      'corrupt',
      file,
      `${error.message} It could not be moved aside: ${String(moveError)}`,
      {
        cause: error,
      },
    );
  });
}

/** Reports a recovery through `policy.recovered`, offering the newest backup that holds `file`. */
export async function report(policy: LoadPolicy, recovery: Omit<Recovery, 'newestBackup'>): Promise<void> {
  const relative = path.relative(policy.layout.dataDir, recovery.file).split(path.sep).join('/');
  const newestBackup = await newestBackupWith(policy.layout, relative).catch(() => null);
  policy.recovered({ ...recovery, newestBackup });
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
