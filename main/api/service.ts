import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../store';
import type { Method } from '../../shared/methods';
import { articleMethods, type ArticleMethods } from './article-methods';
import { backupMethods, type BackupMethods } from './backup-methods';
import type { ChangeHook } from './changes';
import type { ImportOutcome, Inputs, Outputs } from './contract';
import { HamishError } from './errors';
import { exportMethods } from './export-methods';
import { highlightMethods } from './highlight-methods';
import { libraryMethods } from './library-methods';
import { reviewMethods } from './review-methods';
import { searchMethods } from './search-methods';
import type { ServiceDeps } from './service-deps';
import type { ServiceOptions } from './service-options';
import { settingsMethods, type SettingsMethods } from './settings-methods';
import { DEFAULT_SETTINGS, readSettings } from './settings';
import { webMethods } from './web-methods';
import { syncMethods } from './sync-methods';

export type { ServiceOptions };

/** The result of importing one file: the article, or the file and why it could not be imported. */
export type { ImportOutcome };

type ContractMethods = { [M in Method]: (input: Inputs[M]) => Promise<Outputs[M]> };

/**
 * The contract's methods, plus the few the shell and the command line call directly because they take a path
 * or belong to the shell (each named, with why, in its method set's type). The page reaches only the contract:
 * dispatch() routes contract methods and nothing else.
 */
export type Service = ContractMethods &
  Pick<ArticleMethods, 'importFiles' | 'updateArticleFrom'> &
  Pick<SettingsMethods, 'windowBounds' | 'saveWindowBounds'> &
  Pick<BackupMethods, 'restoreFromFile' | 'ensureDailyBackup' | 'highlightOwner' | 'checkedArticles'> & {
    readonly dataDir: string;
    /** An export's text, default file name, skipped articles and attachments (the command line writes it). */
    exportNotes: ReturnType<typeof exportMethods>['exportNotes'];
  };

/**
 * Composes the service from its method sets (docs/ARCHITECTURE.md, "The service"): each set is built from the
 * same deps object and reports what it changed through the one change hook. Methods throw HamishError /
 * StoreError / ImportError; dispatch() turns those into error values for the renderer, the CLI prints them.
 */
export async function createService(options: ServiceOptions): Promise<Service> {
  const now = options.now ?? (() => new Date());
  const firstRun = !options.readOnly && !existsSync(path.join(options.dataDir, 'library.json'));
  const store = await openStore(options.dataDir, { readOnly: options.readOnly, now });
  const liveArticles = () => store.library().articles.filter((article) => article.deletedAt === null);

  // The one change hook: what is derived from an article (its cached text, the search index) is dropped and
  // rebuilt when next needed. Bound late: the sets it tells are built from deps that hold it.
  const changed: ChangeHook = (change) => {
    if (change.what === 'article') {
      forgetText(change.articleId);
      search.articleChanged(change.articleId);
    } else search.highlightsChanged(change.articleId);
  };
  const deps: ServiceDeps = {
    store,
    options,
    now,
    changed: (change) => changed(change),
    liveArticles,
    settings: () => readSettings(store.library().settings).settings,
    requireArticle: (id) => {
      const found = liveArticles().find((article) => article.id === id);
      if (!found) throw new HamishError('not-found', `No article with id ${id}.`);
      return found;
    },
  };

  const search = searchMethods(deps);
  const { resolvedHighlights, forgetText, ...highlightCalls } = highlightMethods(deps);
  const articles = articleMethods({ ...deps, resolvedHighlights });
  const service: Service = {
    dataDir: options.dataDir,
    ...articles.methods,
    ...highlightCalls,
    ...libraryMethods({ ...deps, summary: articles.steps.summary }),
    ...reviewMethods({ ...deps, resolvedHighlights }),
    ...webMethods({ ...deps, ...articles.steps }),
    ...exportMethods({ ...deps, resolvedHighlights }),
    ...settingsMethods(deps),
    ...backupMethods(deps),
    ...syncMethods({
      store,
      now,
      secrets: options.secrets,
      password: options.syncPassword,
      passphrase: options.syncPassphrase,
      // What a sync brought may change an article's content and its notes: both are told.
      articlesChanged: (ids) => {
        for (const articleId of ids) {
          changed({ what: 'article', articleId });
          changed({ what: 'notes', articleId });
        }
      },
    }),
    search: search.search,
    findInArticle: search.findInArticle,
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
