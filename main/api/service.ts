import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeTarget, resolveAll } from '../annotations/anchor';
import type { Highlight } from '../../shared/annotation-model';
import { canonicalText } from '../../shared/article-model';
import { openStore, type FilesChange, type Store } from '../store';
import type { ArticleMeta } from '../store/schema';
import { DEFAULT_SETTINGS, readSettings, type Settings, type WindowBounds } from './settings';
import type { AnchorReport, ArticleSummary, ArticleView, ImportOutcome, Inputs, Outputs } from './contract';
import type { ChangeHook } from './changes';
import { HamishError, toApiError } from './errors';
import { exportMethods, type ExportFormat, type ExportSelection, type RestoreReport } from './export-methods';
import { highlightMethods } from './highlight-methods';
import { findHighlightOwner, type HighlightOwner } from './highlight-owner';
import { checkedArticles, type CheckedArticle, type SkippedArticle } from './library-health';
import { libraryMethods } from './library-methods';
import { MAX_RESTORE_BYTES, restoreNotes } from './restore-notes';
import { reviewMethods } from './review-methods';
import { searchMethods } from './search-methods';
import type { ImportedFile } from '../articles';
import { importBytes, importFileToArticle } from './import-thread';
import type { Method } from '../../shared/methods';
import { readUserFile, writeUserFile } from './user-files';
import { copyAttachments } from './export-pictures';
import { webMethods } from './web-methods';
import type { SaveLimits } from '../web/save-page';

export type ServiceOptions = {
  dataDir: string;
  /** Articles imported the first time this data dir is used (the default article). */
  defaultArticles?: readonly string[];
  /** Clock, for tests. */
  now?: () => Date;
  /** Asks the user for a file (a dialog in Electron); null when they cancel. Paths never come from the page. */
  chooseFile?: (purpose: 'update-article' | 'restore') => Promise<string | null>;
  /** Asks the user for articles to import (a multi-select dialog in Electron); [] when they cancel. */
  chooseImportFiles?: () => Promise<string[]>;
  /** Open the store without changing anything on disk (reading while another process holds the lock). */
  readOnly?: boolean;
  /** Told when settings change (the shell follows the language and theme in its menus and title bar). */
  onSettingsChanged?: (settings: Settings) => void;
  /** Asks the user where to save an export (a save dialog in Electron); null when they cancel. */
  chooseSaveFile?: (defaultName: string) => Promise<string | null>;
  /** Time and size limits of saving a web page (tests shorten them). */
  webLimits?: Omit<SaveLimits, 'signal'>;
};

/** The result of importing one file: the article, or the file and why it could not be imported. */
export type { ImportOutcome };

type ContractMethods = { [M in Method]: (input: Inputs[M]) => Promise<Outputs[M]> };

export type Service = ContractMethods & {
  readonly dataDir: string;
  importFiles(files: readonly string[]): Promise<ImportOutcome[]>;
  /** Replaces an article's content by a newer version of its source; its highlights re-anchor. */
  updateArticleFrom(id: string, file: string): Promise<AnchorReport[]>;
  /** An export's text and a safe default file name. */
  exportNotes(
    format: ExportFormat,
    selection: ExportSelection,
  ): Promise<{ text: string; fileName: string; skipped: SkippedArticle[]; attachments: string[] }>;
  /** Restores annotations from a JSON export file. */
  restoreFromFile(file: string): Promise<RestoreReport>;
  /** Makes today's backup unless it exists (the app calls it at startup). */
  ensureDailyBackup(): Promise<void>;
  windowBounds(): WindowBounds | null;
  saveWindowBounds(bounds: WindowBounds): Promise<void>;
  /** The article holding a highlight, for the command line, which names a highlight by its id alone. */
  highlightOwner(id: string): Promise<HighlightOwner>;
  /** Every live article with both of its files read: a damaged one is listed with why (the command line). */
  checkedArticles(): Promise<CheckedArticle[]>;
};

const FIRST_LINE_LENGTH = 140;

/** The host of a web address, for naming a site that did not name itself. */
function hostOf(address: string): string {
  try {
    return new URL(address).hostname;
  } catch {
    return address;
  }
}

function newId(): string {
  return randomBytes(8).toString('hex');
}

function firstLineOf(imported: ImportedFile): string {
  // A date line or byline says nothing of what the article is about; the card shows its opening words.
  const firstParagraph =
    imported.blocks.find((block) => block.kind !== 'heading' && !block.secondary) ?? imported.blocks[0];
  return (firstParagraph?.text ?? '').slice(0, FIRST_LINE_LENGTH);
}

/**
 * Implements the contract on the domain modules. Methods throw HamishError / StoreError / ImportError;
 * dispatch() turns those into error values for the renderer, the CLI prints them.
 */
export async function createService(options: ServiceOptions): Promise<Service> {
  const now = options.now ?? (() => new Date());
  const firstRun = !options.readOnly && !existsSync(path.join(options.dataDir, 'library.json'));
  const store: Store = await openStore(options.dataDir, { readOnly: options.readOnly, now });

  function meta(id: string): ArticleMeta {
    const found = store.library().articles.find((article) => article.id === id && article.deletedAt === null);
    if (!found) throw new HamishError('not-found', `No article with id ${id}.`);
    return found;
  }

  const search = searchMethods({
    store,
    stemming: () => readSettings(store.library().settings).settings.searchStemming,
    liveArticles: () => store.library().articles.filter((article) => article.deletedAt === null),
    readBlocks: async (id) => (await store.readArticle(id)).blocks,
  });
  // The one change hook of every method set: search re-indexes what changed at its next query.
  const changed: ChangeHook = ({ articleId, what }) =>
    what === 'article' ? search.articleChanged(articleId) : search.highlightsChanged(articleId);

  const highlights = highlightMethods({ store, requireArticle: (id) => void meta(id), now, changed });
  const exports = exportMethods({
    store,
    liveArticles: () => store.library().articles.filter((article) => article.deletedAt === null),
    resolvedHighlights: highlights.resolvedHighlights,
    now,
    colorNames: () => readSettings(store.library().settings).settings.colorNames,
    reviews: () => store.library().review?.highlights,
  });
  const review = reviewMethods({
    store,
    now,
    resolvedHighlights: highlights.resolvedHighlights,
    stemming: () => readSettings(store.library().settings).settings.searchStemming,
  });
  const restoreFromFile = async (file: string) => {
    const report = await restoreNotes(store, await readUserFile(file, MAX_RESTORE_BYTES), file);
    for (const article of store.library().articles) changed({ articleId: article.id, what: 'notes' });
    return report;
  };

  /** Adds an imported article to the library, or names the one already holding the same content. */
  async function importWith(file: string, load: () => Promise<ImportedFile>): Promise<ImportOutcome> {
    try {
      const imported = await load();
      // Content file and library entry are committed together; the duplicate check runs in the same change,
      // so the same file imported twice at once is added once.
      const outcome = await store.changeFiles(async (change): Promise<ImportOutcome & { ok: true }> => {
        const existing = change.library.articles.find(
          (article) => article.source.sha256 === imported.sha256 && article.deletedAt === null,
        );
        if (existing) return { ok: true, id: existing.id, title: existing.title, duplicate: true };
        const id = newId();
        await storeAssets(change, imported);
        const source = {
          kind: imported.kind,
          // A page saved from the web is named by its address, a file by its name.
          name: imported.web ? file : path.basename(file),
          sha256: imported.sha256,
          importedAt: now().toISOString(),
          ...(imported.web && { web: imported.web }),
        };
        const { title, lang, dir, blocks, toc } = imported;
        change.writeArticle({ id, title, lang, dir, source, blocks, ...(toc ? { toc } : {}) });
        change.library.articles.push({
          id,
          title,
          lang,
          dir,
          source,
          firstLine: firstLineOf(imported),
          tags: [],
          note: '',
          progress: null,
          deletedAt: null,
        });
        return { ok: true, id, title, duplicate: false };
      });
      if (!outcome.duplicate) changed({ articleId: outcome.id, what: 'article' });
      return outcome;
    } catch (error) {
      const { code, message } = toApiError(error);
      return { ok: false, file, code, message };
    }
  }

  /** Stores an import's pictures inside the change that commits the article referring to them. */
  async function storeAssets(change: FilesChange, imported: ImportedFile): Promise<void> {
    for (const [name, bytes] of imported.assets) await change.writeAsset(name, bytes);
  }

  const importOne = (file: string) => importWith(file, () => importFileToArticle(file));

  /** What the library list shows of an article. */
  async function summary(article: ArticleMeta): Promise<ArticleSummary> {
    const annotations = await store.annotations(article.id);
    return {
      id: article.id,
      title: article.title,
      lang: article.lang,
      dir: article.dir,
      firstLine: article.firstLine,
      tags: article.tags,
      highlights: annotations.highlights.length,
      importedAt: article.source.importedAt,
      progress: article.progress && { offset: article.progress.offset, fraction: article.progress.fraction },
      lastReadAt: article.progress?.updatedAt ?? null,
      ...(article.source.web && { site: article.source.web.site ?? hostOf(article.source.web.url) }),
    };
  }

  const library = libraryMethods({ store, now, summary, changed });

  async function updateArticleFrom(id: string, file: string): Promise<AnchorReport[]> {
    meta(id);
    return replaceContent(id, await importFileToArticle(file));
  }

  /** Replaces an article's content by a newer version of it (a file, or its page fetched again). */
  async function replaceContent(id: string, imported: ImportedFile): Promise<AnchorReport[]> {
    meta(id);
    const text = canonicalText(imported.blocks);
    // Content, re-anchored highlights and library entry are committed together, from the files as they are
    // when the change runs (a highlight saved while the file was being read is re-anchored too).
    const reports = await store.changeFiles(async (change) => {
      const target = change.library.articles.find((a) => a.id === id && a.deletedAt === null);
      if (!target) throw new HamishError('not-found', `No article with id ${id}.`);
      await storeAssets(change, imported);
      const source = {
        ...target.source,
        kind: imported.kind,
        sha256: imported.sha256,
        ...(imported.web && { web: imported.web }),
      };
      change.writeArticle({
        id,
        title: imported.title,
        lang: imported.lang,
        dir: imported.dir,
        source,
        blocks: imported.blocks,
        ...(imported.toc ? { toc: imported.toc } : {}),
      });
      const annotations = await change.annotations(id);
      const anchors = resolveAll(
        text,
        annotations.highlights.map((h) => h.target),
      );
      const reports: AnchorReport[] = [];
      annotations.highlights = annotations.highlights.map((highlight: Highlight, i) => {
        const anchor = anchors[i] ?? { status: 'orphan' as const, start: -1, end: -1 };
        reports.push({ id: highlight.id, ...anchor });
        // An orphan keeps its old quote and context, so it can be found again by a later version.
        return anchor.status === 'orphan'
          ? highlight
          : { ...highlight, target: describeTarget(text, anchor.start, anchor.end) };
      });
      target.title = imported.title;
      target.lang = imported.lang;
      target.dir = imported.dir;
      target.firstLine = firstLineOf(imported);
      target.source = source;
      // The old reading position may point past the end of a shorter version.
      if (target.progress && target.progress.offset > text.length) target.progress = null;
      return reports;
    });
    highlights.forgetText(id);
    changed({ articleId: id, what: 'article' });
    return reports;
  }

  const web = webMethods({
    store,
    dataDir: options.dataDir,
    now,
    addArticle: importWith,
    replaceContent,
    limits: options.webLimits,
  });

  const service: Service = {
    dataDir: options.dataDir,
    ...highlights,
    ...library,
    ...review,
    ...web,

    async importData({ name, base64 }) {
      // The page sends a dropped file's content, never its path; the name only picks the importer.
      return importWith(name, async () => importBytes(Buffer.from(base64, 'base64'), path.basename(name)));
    },

    async importFromDialog() {
      const files = options.chooseImportFiles ? await options.chooseImportFiles() : [];
      return service.importFiles(files);
    },

    search: search.search,
    findInArticle: async (input) => {
      meta(input.id);
      return search.findInArticle(input);
    },
    updateArticleFrom,
    highlightOwner: (id) =>
      findHighlightOwner(
        store,
        store.library().articles.filter((article) => article.deletedAt === null),
        id,
      ),
    checkedArticles: () =>
      checkedArticles(
        store,
        store.library().articles.filter((article) => article.deletedAt === null),
      ),
    exportNotes: exports.exportNotes,
    restoreFromFile,

    async exportToFile({ format, articleIds, tag, highlightIds, includeEmpty, language }) {
      const { text, fileName, attachments } = await exports.exportNotes(format, {
        articleIds,
        tag,
        highlightIds,
        includeEmpty,
        language,
      });
      const file = options.chooseSaveFile ? await options.chooseSaveFile(fileName) : null;
      if (file === null) return null;
      await writeUserFile(file, text, options.dataDir);
      await copyAttachments(options.dataDir, file, attachments);
      return { file };
    },

    async ensureDailyBackup() {
      await store.ensureDailyBackup();
    },

    async storeStatus() {
      const backups = await store.listBackups().catch(() => []);
      return {
        recoveries: store.recoveries().map(({ file, movedTo, reason, recovered, newestBackup }) => ({
          file,
          movedTo,
          reason,
          recovered,
          newestBackup,
        })),
        readOnly: store.readOnlyReason(),
        backups: backups.map(({ name, kind, createdAt, files, verified }) => ({
          name,
          kind,
          createdAt,
          files,
          verified,
        })),
      };
    },

    async restoreBackup({ name, only }) {
      const outcome = await store.restoreBackup(name, { only });
      // Every article's content may have changed: forget what was cached from before.
      for (const article of store.library().articles) {
        highlights.forgetText(article.id);
        changed({ articleId: article.id, what: 'article' });
      }
      return outcome;
    },

    async restoreFromDialog() {
      const file = options.chooseFile ? await options.chooseFile('restore') : null;
      return file === null ? null : restoreFromFile(file);
    },

    async updateArticleSource({ id }) {
      meta(id);
      const file = options.chooseFile ? await options.chooseFile('update-article') : null;
      return file === null ? null : updateArticleFrom(id, file);
    },

    async importFiles(files) {
      const outcomes: ImportOutcome[] = [];
      // One at a time: imports are I/O bound and the library file takes one write each.
      for (const file of files) outcomes.push(await importOne(file));
      return outcomes;
    },

    async listArticles() {
      const live = store.library().articles.filter((article) => article.deletedAt === null);
      return Promise.all(live.map(summary));
    },

    async openArticle({ id }): Promise<ArticleView> {
      const found = meta(id);
      const article = await store.readArticle(id);
      return {
        id,
        title: found.title,
        lang: article.lang,
        dir: article.dir,
        blocks: article.blocks,
        ...(article.toc ? { toc: article.toc } : {}),
        note: found.note,
        tags: found.tags,
        progress: found.progress && { offset: found.progress.offset, fraction: found.progress.fraction },
        highlights: await highlights.resolvedHighlights(id),
        source: found.source,
      };
    },

    async saveProgress({ id, offset, fraction }) {
      meta(id);
      const article = await store.readArticle(id);
      const length = canonicalText(article.blocks).length;
      if (offset > length)
        throw new HamishError('invalid-input', `Offset ${offset} is past the end of the article.`);
      await store.updateLibrary((library) => {
        const target = library.articles.find((entry) => entry.id === id && entry.deletedAt === null);
        if (!target) throw new HamishError('not-found', `No article with id ${id}.`);
        target.progress = { offset, fraction, updatedAt: now().toISOString() };
      });
      return null;
    },

    async getSettings() {
      return readSettings(store.library().settings);
    },

    // Settings are read and changed inside the library's own update: computed from what is saved when the
    // write runs, so two changes made at once (a setting and the window's bounds) both land.
    async setSettings(patch) {
      let next: Settings = readSettings(store.library().settings).settings;
      const unchanged = new Error('no change');
      try {
        await store.updateLibrary((library) => {
          const { settings: current, reset } = readSettings(library.settings);
          next = { ...current, ...patch };
          // Nothing to change, nothing to write (a settings panel may send what is already saved); stored
          // settings with invalid values are written back valid, so the "settings were reset" notice is final.
          const changes = Object.entries(patch).filter(
            ([key, value]) => current[key as keyof Settings] !== value,
          );
          if (changes.length === 0 && reset.length === 0) throw unchanged; // leaves the file untouched
          library.settings = next;
        });
      } catch (error) {
        if (error === unchanged) return next;
        throw error;
      }
      options.onSettingsChanged?.(next);
      return next;
    },

    windowBounds() {
      return readSettings(store.library().settings).settings.window;
    },

    async saveWindowBounds(bounds) {
      await store.updateLibrary((library) => {
        library.settings = { ...readSettings(library.settings).settings, window: bounds };
      });
    },
  };

  if (firstRun && options.defaultArticles?.length) {
    const outcomes = await service.importFiles(options.defaultArticles);
    const failed = outcomes.find((outcome) => !outcome.ok);
    if (failed && !failed.ok)
      throw new HamishError(
        'io',
        `The default article could not be imported: ${failed.message}`,
        failed.file,
      );
  } else if (firstRun) {
    // Write the library file so that the next start is not taken for a first run.
    await store.updateLibrary((library) => {
      library.settings = { ...DEFAULT_SETTINGS };
    });
  }
  return service;
}
