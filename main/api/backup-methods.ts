import type { Inputs, Outputs, RestoreReport } from './contract';
import { findHighlightOwner, type HighlightOwner } from './highlight-owner';
import { checkedArticles, type CheckedArticle } from './library-health';
import { MAX_RESTORE_BYTES, restoreNotes } from './restore-notes';
import type { ServiceDeps } from './service-deps';
import { readUserFile } from './user-files';

export type BackupMethods = {
  [M in 'storeStatus' | 'restoreBackup' | 'restoreFromDialog']: (input: Inputs[M]) => Promise<Outputs[M]>;
} & {
  // Outside the contract: these take a path or serve only the shell and the command line (docs/ARCHITECTURE.md,
  // "The service"); the page reaches restoring through restoreFromDialog, where main asks for the file.
  /** Restores annotations from a JSON export file. */
  restoreFromFile(file: string): Promise<RestoreReport>;
  /** Makes today's backup unless it exists (the app calls it at startup). */
  ensureDailyBackup(): Promise<void>;
  /** The article holding a highlight, for the command line, which names a highlight by its id alone. */
  highlightOwner(id: string): Promise<HighlightOwner>;
  /** Every live article with both of its files read: a damaged one is listed with why (the command line). */
  checkedArticles(): Promise<CheckedArticle[]>;
};

/** The store's health, its backups, and restoring notes or a whole backup. */
export function backupMethods({ store, options, changed, liveArticles }: ServiceDeps): BackupMethods {
  async function restoreFromFile(file: string): Promise<RestoreReport> {
    const report = await restoreNotes(store, await readUserFile(file, MAX_RESTORE_BYTES), file);
    for (const article of store.library().articles) changed({ articleId: article.id, what: 'notes' });
    return report;
  }

  return {
    restoreFromFile,

    async restoreFromDialog() {
      const file = options.chooseFile ? await options.chooseFile('restore') : null;
      return file === null ? null : restoreFromFile(file);
    },

    async restoreBackup({ name, only }) {
      const outcome = await store.restoreBackup(name, { only });
      // Every article's content may have changed: whatever was derived from it is stale.
      for (const article of store.library().articles) changed({ articleId: article.id, what: 'article' });
      return outcome;
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

    highlightOwner: (id) => findHighlightOwner(store, liveArticles(), id),
    checkedArticles: () => checkedArticles(store, liveArticles()),
  };
}
