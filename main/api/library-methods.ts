import type { ArticleMeta, LibraryFile } from '../store';
import type { ArticleSummary, Inputs, Outputs } from './contract';
import { HamishError } from './errors';
import type { ServiceDeps } from './service-deps';

type Deps = ServiceDeps & {
  /** What the library list shows of an article (the article method set's). */
  summary: (meta: ArticleMeta) => Promise<ArticleSummary>;
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
    return entryIn(store.library(), id, trashed);
  }

  /** The entry as it is when the change is saved (not when it was asked for), or HamishError 'not-found'. */
  function entryIn(library: LibraryFile, id: string, trashed: boolean): ArticleMeta {
    const found = library.articles.find((a) => a.id === id && (a.deletedAt !== null) === trashed);
    if (!found) throw notFound(id, trashed);
    return found;
  }

  async function setDeleted(id: string, deletedAt: string | null): Promise<void> {
    await store.updateLibrary((library) => {
      entryIn(library, id, deletedAt === null).deletedAt = deletedAt;
    });
    changed({ articleId: id, what: 'article' });
  }

  return {
    async renameArticle({ id, title }) {
      entry(id, false);
      const trimmed = title.trim().replace(/\s+/gu, ' ');
      if (!trimmed) throw new HamishError('invalid-input', 'A title cannot be empty.');
      await store.updateLibrary((library) => {
        entryIn(library, id, false).title = trimmed;
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
      // The trashed articles are those in the trash when the change runs: one taken out meanwhile stays.
      const removed = await store.changeFiles((change) => {
        const trashed = change.library.articles.filter((a) => a.deletedAt !== null).map((a) => a.id);
        change.library.articles = change.library.articles.filter((a) => a.deletedAt === null);
        for (const id of trashed) change.removeArticle(id);
        return trashed;
      });
      for (const id of removed) changed({ articleId: id, what: 'article' });
      // Pictures shared with an article still kept stay; the others go with the last article using them.
      await store.collectUnreferencedAssets();
      return { removed: removed.length };
    },
  };
}

function notFound(id: string, trashed: boolean): HamishError {
  return new HamishError(
    'not-found',
    trashed ? `No article ${id} in the trash.` : `No article with id ${id}.`,
  );
}
