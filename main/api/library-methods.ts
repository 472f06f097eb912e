import type { ArticleMeta, Store } from '../store';
import type { ArticleSummary, Inputs, Outputs } from './contract';
import { collectUnreferencedAssets } from './asset-collection';
import { HamishError } from './errors';

type Deps = {
  store: Store;
  now: () => Date;
  summary: (meta: ArticleMeta) => Promise<ArticleSummary>;
  /** Called when an article leaves or comes back to the library (search re-indexes it). */
  changed: (id: string) => void;
};

type Methods = {
  [M in 'renameArticle' | 'trashArticle' | 'untrashArticle' | 'emptyTrash' | 'listTrash']: (
    input: Inputs[M],
  ) => Promise<Outputs[M]>;
};

/**
 * Renaming and the trash. Deleting moves an article to the trash (its files stay); only emptying the trash
 * removes files, and only those of trashed articles.
 */
export function libraryMethods({ store, now, summary, changed }: Deps): Methods {
  function entry(id: string, trashed: boolean): ArticleMeta {
    const found = store.library().articles.find((a) => a.id === id && (a.deletedAt !== null) === trashed);
    if (!found)
      throw new HamishError(
        'not-found',
        trashed ? `No article ${id} in the trash.` : `No article with id ${id}.`,
      );
    return found;
  }

  async function setDeleted(id: string, deletedAt: string | null): Promise<void> {
    await store.updateLibrary((library) => {
      const target = library.articles.find((a) => a.id === id);
      if (target) target.deletedAt = deletedAt;
    });
    changed(id);
  }

  return {
    async renameArticle({ id, title }) {
      entry(id, false);
      const trimmed = title.trim().replace(/\s+/gu, ' ');
      if (!trimmed) throw new HamishError('invalid-input', 'A title cannot be empty.');
      await store.updateLibrary((library) => {
        const target = library.articles.find((a) => a.id === id);
        if (target) target.title = trimmed;
      });
      return summary(entry(id, false));
    },

    async trashArticle({ id }) {
      entry(id, false);
      await setDeleted(id, now().toISOString());
      return null;
    },

    async untrashArticle({ id }) {
      entry(id, true);
      await setDeleted(id, null);
      return summary(entry(id, false));
    },

    async listTrash() {
      const trashed = store.library().articles.filter((a) => a.deletedAt !== null);
      return Promise.all(trashed.map(summary));
    },

    async emptyTrash() {
      const trashed = store
        .library()
        .articles.filter((a) => a.deletedAt !== null)
        .map((a) => a.id);
      // The library entry goes first: if removing files then fails, they are only unreferenced, never half-used.
      await store.updateLibrary((library) => {
        library.articles = library.articles.filter((a) => a.deletedAt === null);
      });
      for (const id of trashed) await store.removeArticleFiles(id);
      // Pictures shared with an article still kept stay; the others go with the last article using them.
      await collectUnreferencedAssets(store);
      return { removed: trashed.length };
    },
  };
}
