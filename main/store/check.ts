import fs from 'node:fs/promises';
import path from 'node:path';
import { checkAssetReferences, checkAssets } from './assets';
import { DurableJsonFile } from './durable-file';
import { errnoCode, StoreError, storeErrorFromFs, type StoreErrorCode } from './errors';
import {
  annotationsParser,
  articleParser,
  fileForId,
  parseLibrary,
  storeLayout,
  type StoreLayout,
} from './layout';
import { journalFileOf, listJournalIds, readJournal, readJournalOfAnyVersion } from './journal';
import { IdSchema, SCHEMA_VERSION } from './schema';

/** A store file that cannot be used as it is. */
export type StoreProblem = { file: string; code: StoreErrorCode; message: string };

/**
 * Reads and validates every store file, changing nothing, and lists what is wrong (empty = healthy).
 * Annotations journals are read as the store reads them: a last line cut short by a crash is not a problem
 * (that write was never acknowledged, and the store ignores it), a damaged line before a valid one is.
 * Also reports an article the library lists whose file is missing. Names starting with a dot are skipped:
 * leftover temp files of an interrupted write are harmless, as they are never read; the next write makes a
 * new one. Files whose name is not `<id>.json` are skipped too, as the store never reads them. Every
 * picture in assets/ is read and must match the checksum its name carries, and every picture an article
 * shows must be there.
 */
export async function checkStore(layout: StoreLayout): Promise<StoreProblem[]> {
  const problems: StoreProblem[] = [];
  const library = await readChecked(new DurableJsonFile(layout.library, parseLibrary), problems);
  const articleIds = await checkFolder(layout.articles, articleParser, problems);
  await checkFolder(layout.annotations, annotationsParser, problems);
  await checkJournals(layout.annotations, problems);
  for (const folder of [layout.dataDir, layout.articles, layout.annotations])
    await reportKeptAside(folder, problems);
  for (const { id } of library?.articles ?? []) {
    if (articleIds.has(id)) continue;
    const file = fileForId(layout.articles, id);
    problems.push({
      file,
      code: 'not-found',
      message: `The library lists article ${id}, but ${file} is missing.`,
    });
  }
  problems.push(...(await checkAssets(layout.dataDir)));
  problems.push(...(await checkAssetReferences(layout.dataDir, layout.articles)));
  return problems;
}

/**
 * checkStore() on a data folder without opening a store, so nothing at all can change (no folder created, no
 * file moved aside or migrated): for `hamish check`. Files of an older version count as healthy, as the store
 * migrates them. Damaged copies kept aside (`*.corrupt-*`) are reported until someone deletes them: each is
 * data the store no longer reads, which a person should look at.
 */
export function checkDataDir(dataDir: string): Promise<StoreProblem[]> {
  return checkStore(storeLayout(dataDir));
}

/** Checks every `<id>.json` in `folder`; returns the ids that have a file, readable or not. */
async function checkFolder(
  folder: string,
  parserFor: (id: string) => (data: unknown) => unknown,
  problems: StoreProblem[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') problems.push(problemOf(storeErrorFromFs(error, folder, 'list')));
    return ids;
  }
  for (const name of names.sort()) {
    const id = name.slice(0, -'.json'.length);
    if (name.startsWith('.') || !name.endsWith('.json') || !IdSchema.safeParse(id).success) continue;
    ids.add(id);
    await readChecked(new DurableJsonFile(path.join(folder, name), parserFor(id)), problems);
  }
  return ids;
}

/** Checks every `<id>.journal` in `folder`. A journal of an older version is checked as a migration reads it. */
async function checkJournals(folder: string, problems: StoreProblem[]): Promise<void> {
  let ids: string[];
  try {
    ids = await listJournalIds(folder);
  } catch {
    return; // checkFolder() has just reported that this folder cannot be listed
  }
  for (const id of ids) {
    const file = journalFileOf(fileForId(folder, id));
    try {
      const content = await readJournalOfAnyVersion(file, id);
      if (content?.schemaVersion === SCHEMA_VERSION) await readJournal(file, id);
    } catch (error) {
      problems.push(problemOf(error instanceof StoreError ? error : storeErrorFromFs(error, file, 'read')));
    }
  }
}

// A copy kept aside by moveAside(): `<name>.corrupt-<timestamp>[-n][.json]`.
const KEPT_ASIDE = /^(.+)\.corrupt-(\d{4}-\d\d-\d\dT[\d-]+Z)(?:-\d+)?(\.json)?$/;

async function reportKeptAside(folder: string, problems: StoreProblem[]): Promise<void> {
  const names = await fs.readdir(folder).catch(() => []);
  for (const name of names.sort()) {
    const match = KEPT_ASIDE.exec(name);
    if (!match || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    const original = `${match[1] ?? ''}${match[3] ?? ''}`;
    problems.push({
      file,
      code: 'corrupt',
      message:
        `${file} is a damaged copy of ${original}, kept aside (${match[2] ?? ''}) when the store found it ` +
        'unreadable and recovered what it could; nothing reads it any more. Review it (or restore a backup: ' +
        '`hamish backups`, `hamish restore NAME`), then delete it.',
    });
  }
}

async function readChecked<T>(file: DurableJsonFile<T>, problems: StoreProblem[]): Promise<T | null> {
  try {
    return await file.read();
  } catch (error) {
    problems.push(
      problemOf(error instanceof StoreError ? error : storeErrorFromFs(error, file.filename, 'read')),
    );
    return null;
  }
}

function problemOf(error: StoreError): StoreProblem {
  return { file: error.file, code: error.code, message: error.message };
}
