/**
 * Saving links: a web address becomes an article (see main/web), the same address again names the article
 * already kept, "update from the web" fetches it anew and re-anchors its highlights, and a save that failed
 * because the network was down waits in a queue (pending-saves.json) until the person retries it. Nothing
 * is fetched unless a person asked: the queue is only retried on request.
 */
import path from 'node:path';
import { z } from 'zod';
import { DurableJsonFile, SerialQueue, type ArticleMeta } from '../store';
import { savePage } from '../web/save-page';
import { webAddress, withoutTracking } from '../web/address';
import { isOffline, WebError } from '../web/web-error';
import type { Inputs, Outputs, PendingSave } from './contract';
import type { ArticleSteps } from './article-methods';
import { toApiError } from './errors';
import type { ServiceDeps } from './service-deps';
import type { ImportedFile } from '../articles';

export const PENDING_FILE = 'pending-saves.json';

const PendingFileSchema = z.object({
  schemaVersion: z.literal(1),
  pending: z.array(z.object({ url: z.string().max(8192), failedAt: z.string().max(40), reason: z.string() })),
});
type PendingFile = z.infer<typeof PendingFileSchema>;

type Deps = ServiceDeps & Pick<ArticleSteps, 'addArticle' | 'replaceContent'>;

type Methods = {
  [
    M in
      'saveLink' | 'cancelSave' | 'setWebDetails' | 'updateFromWeb' | 'listPendingSaves' | 'retryPendingSaves'
  ]: (input: Inputs[M]) => Promise<Outputs[M]>;
};

/** The address an article is known by, for "the same address again". */
function addressKey(text: string): string | null {
  try {
    return withoutTracking(webAddress(text));
  } catch {
    return null;
  }
}

export function webMethods({ store, options, now, addArticle, replaceContent }: Deps): Methods {
  const { dataDir, webLimits: limits } = options;
  const running = new Set<AbortController>();
  const pendingFile = new DurableJsonFile<PendingFile>(path.join(dataDir, PENDING_FILE), (data) =>
    PendingFileSchema.parse(data),
  );

  async function readPending(): Promise<PendingSave[]> {
    return (await pendingFile.read())?.pending ?? [];
  }

  // Changes to the queue run one at a time, each from the list as the one before it left it: two saves
  // failing together must both stay queued.
  const pendingChanges = new SerialQueue();
  function setPending(change: (list: PendingSave[]) => PendingSave[]): Promise<void> {
    return pendingChanges.run(async () => {
      await pendingFile.write({ schemaVersion: 1, pending: change(await readPending()) });
    });
  }

  /** The live article saved from `key`, by its article address or the address it was fetched from. */
  function savedFrom(key: string): ArticleMeta | undefined {
    return store
      .library()
      .articles.find(
        (article) =>
          article.deletedAt === null &&
          article.source.web !== undefined &&
          (article.source.web.url === key || addressKey(article.source.web.fetchedFrom) === key),
      );
  }

  /** Fetches a page under a controller that cancelSave() can abort. */
  async function fetchPage(url: string): Promise<ImportedFile & { web: NonNullable<ImportedFile['web']> }> {
    const controller = new AbortController();
    running.add(controller);
    try {
      return await savePage(url, { ...limits, signal: controller.signal });
    } finally {
      running.delete(controller);
    }
  }

  async function saveOne(url: string): Promise<Outputs['saveLink']> {
    const key = addressKey(url);
    const known = key === null ? undefined : savedFrom(key);
    if (known) return { ok: true, id: known.id, title: known.title, duplicate: true };
    let page: Awaited<ReturnType<typeof fetchPage>>;
    try {
      page = await fetchPage(url);
    } catch (error) {
      const { code, message } = toApiError(error);
      const queued = isOffline(error) && key !== null;
      if (queued)
        await setPending((list) => [
          ...list.filter((item) => item.url !== key),
          { url: key, failedAt: now().toISOString(), reason: message },
        ]);
      const shown = queued ? `${message}; the save waits in the queue until it is retried` : message;
      return { ok: false, file: url, code, message: shown, queued };
    }
    // Redirected to, or naming as canonical, an article already kept.
    const same = savedFrom(page.web.url);
    if (same) return { ok: true, id: same.id, title: same.title, duplicate: true };
    const outcome = await addArticle(page.web.url, async () => page);
    if (key !== null) await setPending((list) => list.filter((item) => item.url !== key));
    return outcome.ok ? outcome : { ...outcome, queued: false };
  }

  return {
    saveLink: ({ url }) => saveOne(url),

    async cancelSave() {
      const count = running.size;
      for (const controller of running)
        controller.abort(new WebError('web-cancelled', 'save', 'the save was cancelled'));
      return { cancelled: count };
    },

    async setWebDetails({ id, url, ...details }) {
      const article = store.library().articles.find((entry) => entry.id === id && entry.deletedAt === null);
      if (!article?.source.web)
        throw new WebError('web-scheme', id, 'this article was not saved from the web: it has no address');
      // The article's address stays a web address: it is what "update from the web" fetches.
      const address = url === undefined ? undefined : withoutTracking(webAddress(url));
      let kept = article.source.web;
      await store.updateLibrary((library) => {
        const target = library.articles.find((entry) => entry.id === id);
        if (!target?.source.web) return;
        const current = target.source.web;
        const detail = (key: 'site' | 'author' | 'published'): string | undefined => {
          const value = details[key]?.replace(/\s+/g, ' ').trim();
          // Not sent: kept as it was; sent empty: removed.
          return value === undefined ? current[key] : value === '' ? undefined : value;
        };
        const [site, author, published] = [detail('site'), detail('author'), detail('published')];
        const next = {
          url: address ?? current.url,
          fetchedFrom: address ?? current.fetchedFrom,
          ...(site !== undefined && { site }),
          ...(author !== undefined && { author }),
          ...(published !== undefined && { published }),
        };
        target.source = { ...target.source, web: next };
        kept = next;
      });
      return kept;
    },

    async updateFromWeb({ id }) {
      const article = store.library().articles.find((entry) => entry.id === id && entry.deletedAt === null);
      if (!article?.source.web)
        throw new WebError('web-scheme', id, 'this article was not saved from the web: it has no address');
      const kept = article.source.web;
      const page = await fetchPage(kept.fetchedFrom);
      // What the library holds (perhaps edited by the person) wins over what the page now says.
      return replaceContent(id, {
        ...page,
        web: { ...page.web, ...kept, fetchedFrom: page.web.fetchedFrom },
      });
    },

    listPendingSaves: () => readPending(),

    async retryPendingSaves() {
      const outcomes: Outputs['retryPendingSaves'] = [];
      // One at a time, in the order they failed: the person asked for these, and for nothing more.
      for (const item of await readPending()) outcomes.push(await saveOne(item.url));
      return outcomes;
    },
  };
}
