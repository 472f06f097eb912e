import fs from 'node:fs/promises';
import path from 'node:path';
import type { Highlight } from '../../shared/annotation-model';
import { AnnotationsDocument, loadAnnotations } from './annotations-document';
import { commitChange, finishPendingChange, PENDING_CHANGE } from './atomic-change';
import { collectAssets } from './assets';
import { createBackup, ensureDailyBackup, listBackups, type BackupInfo, type BackupKind } from './backups';
import { ChangeDraft, type FilesChange } from './change-draft';
import { checkStore, type StoreProblem } from './check';
import { DocumentCache, StoreDocument } from './document';
import { prepareFolders } from './data-folder';
import { StoreError } from './errors';
import { listJournalIds } from './journal';
import {
  articleParser,
  emptyLibrary,
  fileForId,
  parseLibrary,
  storeLayout,
  type StoreLayout,
} from './layout';
import { migrateFiles, type MigrationReport } from './migrate-files';
import { loadDocument, type LoadPolicy, type Recovery } from './recovery';
import { rebuildArticle, rebuildLibrary } from './rebuild';
import { readVerifiedBackup, writeBackupFiles } from './restore';
import { SCHEMA_VERSION, type AnnotationsFile, type ArticleFile, type LibraryFile } from './schema';
import { StoreState } from './store-state';
import { WriteGate } from './write-gate';

type Article = ArticleFile['article'];
export type { FilesChange };

/** How to open a store. */
export type OpenOptions = {
  /**
   * Change nothing on disk: no folder is created, no file moved aside or migrated (older files are migrated in
   * memory only), every write refused with StoreError 'unwritable'. For `hamish check` and for reading while
   * another process holds the lock.
   */
  readOnly?: boolean;
  /** The clock, for tests: it names moved-aside files and backups. */
  now?: () => Date;
};

/** What restoreBackup() did. */
export type RestoreOutcome = {
  /** The backup restored. */
  restored: string;
  /** The backup of the store as it was just before, to undo the restore. */
  preRestoreBackup: string;
  /** How many files were written from the backup. */
  files: number;
  /** Store files the backup did not replace (newer than it, or not chosen): kept as they are. */
  untouched: string[];
};

/**
 * The files of one data folder (docs/ARCHITECTURE.md, "Store on disk"). Every write resolves only once it is durably on
 * disk; a failed write leaves the data in memory as it is on disk. Data handed out is frozen: copy it to change
 * it, and save changes through the update methods.
 *
 * A damaged file is moved aside and reported in recoveries(): library.json when the store opens (it is needed
 * at once), an article's content or annotations file (or that file's journal) when it is first read (so
 * opening stays cheap however large the library). A file from a newer version makes the store read-only
 * (readOnlyReason()).
 */
export interface Store {
  /** The absolute path of the data folder. */
  readonly dataDir: string;
  /** library.json as saved (or its defaults before the first save). */
  library(): LibraryFile;
  /** Changes library.json: `mutate` edits a copy, which is validated and written. */
  updateLibrary(mutate: (library: LibraryFile) => void): Promise<void>;
  /** An article's content; StoreError 'not-found' if it has no file, 'corrupt' if its file was moved aside. */
  readArticle(id: string): Promise<Article>;
  /** Writes an article's content, at import or as an explicit update of the article. */
  writeArticle(article: Article): Promise<void>;
  /** An article's annotations file (empty if it has none yet, or if its file was damaged and moved aside). */
  annotations(id: string): Promise<AnnotationsFile>;
  /**
   * Changes one article's annotations, and no other file, by rewriting its whole file: for changes to many
   * highlights at once. A change to one highlight is far cheaper through putHighlight, changeHighlight or
   * deleteHighlight.
   */
  updateAnnotations(id: string, mutate: (file: AnnotationsFile) => void): Promise<void>;
  /**
   * Adds a highlight to article `articleId`, or replaces the one with its id. Appends one line to that
   * article's journal and fsyncs it, so the time it takes does not grow with the number of highlights (an
   * article with only a few has its small file rewritten instead). `guard` runs just before the write, while
   * no change of several files can run, given the annotations as saved: it may throw to refuse the change, e.g.
   * when the article has left the library meanwhile.
   */
  putHighlight(
    articleId: string,
    highlight: Highlight,
    guard?: (current: AnnotationsFile) => void,
  ): Promise<void>;
  /**
   * Replaces highlight `id` of article `articleId` by `change(current)`, computed from it as saved just before
   * (two changes asked for at once both land). StoreError 'not-found' when there is no such highlight; errors
   * `change` throws are passed on, with nothing written. Resolves to the highlight saved.
   */
  changeHighlight(
    articleId: string,
    id: string,
    change: (current: Highlight) => Highlight,
  ): Promise<Highlight>;
  /** Removes highlight `id` of article `articleId`; resolves to it, or to null when there is none. */
  deleteHighlight(articleId: string, id: string): Promise<Highlight | null>;
  /**
   * Deletes every picture no article of the library (trash included) refers to; resolves to how many were
   * deleted. It runs alone, so a picture stored by an import in progress is never taken before the article
   * naming it is committed. When an article's file cannot be read, nothing is deleted: its pictures cannot
   * be told apart from unreferenced ones.
   */
  collectUnreferencedAssets(): Promise<number>;
  /** Deletes an article's content and annotations files (the library entry is the caller's to change). */
  removeArticleFiles(id: string): Promise<void>;
  /**
   * Changes several files all or nothing (import, a new version of an article, restoring notes, emptying the
   * trash): `work` edits the files as they are when it runs, while every other write waits, and its edits are
   * then committed together (atomic-change.ts). If `work` throws, nothing is written. If a write fails, the
   * files and the data in memory stay as they were and the StoreError is thrown; a failure after the commit
   * point blocks further writes until the store is opened again, which finishes the change.
   */
  changeFiles<R>(work: (change: FilesChange) => Promise<R> | R): Promise<R>;
  /** Reads and validates every file without changing anything; an empty list means healthy. */
  check(): Promise<StoreProblem[]>;
  /** The damaged files moved aside since the store was opened, oldest first. */
  recoveries(): Recovery[];
  /** Why every write is refused (a file from a newer version, a failed migration, read-only mode), or null. */
  readOnlyReason(): string | null;
  /** Throws the error every write raises while the store is read-only (readOnlyReason()). */
  assertWritable(): void;
  /** What the last migration did (at open, or after restoring an older backup), or null if none ran. */
  migration(): MigrationReport | null;
  /** Makes a verified backup now (journals folded in first), then rotates that kind. */
  createBackup(kind: BackupKind): Promise<BackupInfo>;
  /** Every backup, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** Makes today's daily backup unless it exists; call at startup. null when none was made (or read-only). */
  ensureDailyBackup(): Promise<BackupInfo | null>;
  /**
   * Brings back a backup: checks every hash, makes a `pre-restore` backup, writes its files over the store's
   * (each atomically and durably), migrates them if older, then reloads everything in memory. `only` restores
   * just those files (paths as 'annotations/<id>.json'), e.g. the one a Recovery names.
   */
  restoreBackup(name: string, options?: { only?: readonly string[] }): Promise<RestoreOutcome>;
}

/**
 * Opens the store in `dataDir`: creates its folders, migrates older files (after a `pre-migration` backup) and
 * loads library.json, moving it aside if damaged. Throws StoreError 'unwritable' (or 'disk-full') if the folder
 * cannot be created or written, and 'corrupt' if library.json is damaged and cannot be moved aside.
 */
export async function openStore(dataDir: string, options: OpenOptions = {}): Promise<Store> {
  const layout = storeLayout(dataDir);
  const readOnly = options.readOnly === true;
  const now = options.now ?? (() => new Date());
  const state = new StoreState();
  if (readOnly) {
    state.block('unwritable', layout.dataDir, `${layout.dataDir} was opened read-only: nothing is saved.`);
  } else {
    await prepareFolders(layout);
    await finishOrBlock(layout, state);
    await migrateOrBlock(layout, now, state);
  }
  const policy: LoadPolicy = {
    layout,
    readOnly,
    now,
    recovered: (recovery) => state.recoveries.push(recovery),
    metNewer: (error) => state.blockForNewer(error),
  };
  return new FolderStore(policy, state, await loadLibrary(policy));
}

class FolderStore implements Store {
  private articleDocs = new DocumentCache<StoreDocument<ArticleFile>>();
  private annotationDocs = new DocumentCache<AnnotationsDocument>();
  private readonly gate = new WriteGate();

  constructor(
    private readonly policy: LoadPolicy,
    private readonly state: StoreState,
    private libraryDoc: StoreDocument<LibraryFile>,
  ) {}

  private get layout(): StoreLayout {
    return this.policy.layout;
  }

  get dataDir(): string {
    return this.layout.dataDir;
  }

  library(): LibraryFile {
    return this.libraryDoc.current();
  }

  updateLibrary(mutate: (library: LibraryFile) => void): Promise<void> {
    return this.write(() => this.libraryDoc.update(mutate));
  }

  async readArticle(id: string): Promise<Article> {
    const doc = await this.articleDoc(id);
    try {
      return doc.current().article;
    } catch (error) {
      const recovery = this.state.recoveries.findLast((r) => r.file === doc.file);
      if (!recovery || !(error instanceof StoreError) || error.code !== 'not-found') throw error;
      throw new StoreError(
        'corrupt',
        doc.file,
        `${recovery.reason} It was moved aside to ${recovery.movedTo}.`,
      );
    }
  }

  writeArticle(article: Article): Promise<void> {
    return this.write(async () => {
      const doc = await this.articleDoc(article.id);
      this.state.assertWritable();
      await doc.replace({ schemaVersion: SCHEMA_VERSION, article });
    });
  }

  async annotations(id: string): Promise<AnnotationsFile> {
    return (await this.annotationsDoc(id)).current();
  }

  updateAnnotations(id: string, mutate: (file: AnnotationsFile) => void): Promise<void> {
    return this.write(async () => {
      const doc = await this.annotationsDoc(id);
      this.state.assertWritable(); // loading it may have found a file from a newer version
      await doc.update(mutate);
    });
  }

  putHighlight(
    articleId: string,
    highlight: Highlight,
    guard?: (current: AnnotationsFile) => void,
  ): Promise<void> {
    return this.journaled(articleId, (doc) => doc.put(highlight, guard));
  }

  changeHighlight(
    articleId: string,
    id: string,
    change: (current: Highlight) => Highlight,
  ): Promise<Highlight> {
    return this.journaled(articleId, (doc) => doc.change(id, change));
  }

  deleteHighlight(articleId: string, id: string): Promise<Highlight | null> {
    return this.journaled(articleId, (doc) => doc.delete(id));
  }

  collectUnreferencedAssets(): Promise<number> {
    return this.gate.exclusive(async () => {
      this.state.assertWritable();
      const referenced = new Set<string>();
      for (const { id } of this.library().articles) {
        let blocks;
        try {
          blocks = (await this.articleDoc(id)).current().article.blocks;
        } catch {
          return 0;
        }
        for (const block of blocks) if (block.image) referenced.add(block.image.asset);
      }
      return collectAssets(this.layout.dataDir, referenced);
    });
  }

  removeArticleFiles(id: string): Promise<void> {
    return this.write(async () => {
      const [article, annotations] = await Promise.all([this.articleDoc(id), this.annotationsDoc(id)]);
      this.state.assertWritable();
      await Promise.all([article.remove(), annotations.remove()]);
    });
  }

  changeFiles<R>(work: (change: FilesChange) => Promise<R> | R): Promise<R> {
    return this.gate.exclusive(async () => {
      this.state.assertWritable();
      const draft = new ChangeDraft(this.layout, this.library(), async (id) => {
        const doc = await this.annotationsDoc(id);
        this.state.assertWritable(); // loading it may have found a file from a newer version
        return doc.current();
      });
      const result = await work(draft);
      const { steps, library } = draft.plan();
      if (steps.length === 0) return result;
      try {
        await commitChange(this.layout, steps);
      } catch (error) {
        // Past the commit point the files on disk are no longer the ones held: write nothing more until reopened.
        if (error instanceof StoreError && (await pendingChangeLeft(this.layout))) {
          this.state.block(error.code, error.file, error.message);
        }
        throw error;
      }
      if (library)
        this.libraryDoc = StoreDocument.holding(this.layout.library, parseLibrary, emptyLibrary, library);
      // Articles and annotations are read again from disk when next asked for.
      this.articleDocs = new DocumentCache();
      this.annotationDocs = new DocumentCache();
      return result;
    });
  }

  check(): Promise<StoreProblem[]> {
    return checkStore(this.layout);
  }

  recoveries(): Recovery[] {
    return this.state.recoveries.map((recovery) => ({ ...recovery }));
  }

  readOnlyReason(): string | null {
    return this.state.blocked?.reason ?? null;
  }

  assertWritable(): void {
    this.state.assertWritable();
  }

  migration(): MigrationReport | null {
    return this.state.migration;
  }

  createBackup(kind: BackupKind): Promise<BackupInfo> {
    return this.gate.exclusive(async () => {
      this.state.assertWritable();
      await this.compactJournals();
      return createBackup(this.layout, kind, this.policy.now());
    });
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.layout);
  }

  ensureDailyBackup(): Promise<BackupInfo | null> {
    return this.gate.exclusive(async () =>
      this.state.blocked
        ? null
        : ensureDailyBackup(this.layout, this.policy.now(), () => this.compactJournals()),
    );
  }

  restoreBackup(name: string, options: { only?: readonly string[] } = {}): Promise<RestoreOutcome> {
    return this.gate.exclusive(async () => {
      this.state.assertWritable();
      // Everything is checked before anything is written: a damaged backup changes nothing.
      const backup = await readVerifiedBackup(this.layout, name, options.only);
      // No journal may outlive the restore, or it would be replayed over the files brought back.
      await this.compactJournals();
      const before = await createBackup(this.layout, 'pre-restore', this.policy.now());
      const untouched = await writeBackupFiles(this.layout, backup);
      await migrateOrBlock(this.layout, this.policy.now, this.state);
      this.libraryDoc = await loadLibrary(this.policy);
      this.articleDocs = new DocumentCache();
      this.annotationDocs = new DocumentCache();
      return { restored: name, preRestoreBackup: before.name, files: backup.files.length, untouched };
    });
  }

  private write<R>(task: () => Promise<R>): Promise<R> {
    return this.gate.shared(async () => {
      this.state.assertWritable();
      return task();
    });
  }

  /** A change to one highlight; a journal grown long is then folded in, without making the caller wait. */
  private journaled<R>(articleId: string, task: (doc: AnnotationsDocument) => Promise<R>): Promise<R> {
    return this.write(async () => {
      const doc = await this.annotationsDoc(articleId);
      this.state.assertWritable(); // loading it may have found a file from a newer version
      const result = await task(doc);
      if (doc.journalFull) {
        // Queued as a write of its own: the next change to this article, and any backup, wait for it. It looks
        // the document up again when it runs, as a restore queued before it replaces every document. A failed
        // compaction loses nothing (the journal still holds every change) and is tried again after the next save.
        const compact = async () => {
          const current = await this.annotationsDoc(articleId);
          if (current.journalFull) await current.compact();
        };
        void this.gate.shared(compact).catch(() => undefined);
      }
      return result;
    });
  }

  /**
   * Folds every article's journal into its snapshot, so that the snapshots alone hold every saved change:
   * for backups, which copy snapshots only, and for a restore, which replaces snapshots. Called while the
   * write gate is held exclusively.
   */
  private async compactJournals(): Promise<void> {
    for (const id of await listJournalIds(this.layout.annotations)) {
      const doc = await this.annotationsDoc(id);
      this.state.assertWritable(); // loading it may have found a file from a newer version
      await doc.compact();
    }
  }

  private articleDoc(id: string): Promise<StoreDocument<ArticleFile>> {
    const file = fileForId(this.layout.articles, id);
    const parse = articleParser(id);
    return this.articleDocs.get(id, () =>
      loadDocument(this.policy, file, parse, undefined, () => rebuildArticle(this.layout, id, parse)),
    );
  }

  private annotationsDoc(id: string): Promise<AnnotationsDocument> {
    fileForId(this.layout.annotations, id); // refuses an id that could name a file elsewhere, before caching it
    return this.annotationDocs.get(id, () => loadAnnotations(this.policy, id));
  }
}

// A damaged library.json is rebuilt from the article files, not started empty: the articles are all there.
function loadLibrary(policy: LoadPolicy): Promise<StoreDocument<LibraryFile>> {
  return loadDocument(policy, policy.layout.library, parseLibrary, emptyLibrary, (movedTo) =>
    rebuildLibrary(policy.layout, movedTo),
  );
}

// A change committed but not put in place (a crash) is finished before anything is read. If that fails, the
// store shows the files as they are and saves nothing, as a write now could be undone by finishing it later.
async function finishOrBlock(layout: StoreLayout, state: StoreState): Promise<void> {
  try {
    await finishPendingChange(layout);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    state.block(
      error.code,
      error.file,
      `An unfinished change in ${layout.dataDir} could not be finished, so nothing is saved until this is fixed: ${error.message}`,
    );
  }
}

async function pendingChangeLeft(layout: StoreLayout): Promise<boolean> {
  return fs.stat(path.join(layout.dataDir, PENDING_CHANGE)).then(
    () => true,
    () => false,
  );
}

// A migration that cannot finish (no room for its backup, a write refused) must not stop the app: the files
// are shown migrated in memory, and nothing is written until the cause is fixed and the app restarted.
async function migrateOrBlock(layout: StoreLayout, now: () => Date, state: StoreState): Promise<void> {
  try {
    state.migration = (await migrateFiles(layout, now())) ?? state.migration;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    state.block(
      error.code,
      error.file,
      `The data in ${layout.dataDir} could not be brought up to date, so nothing is saved until this is fixed: ${error.message}`,
    );
  }
}
