/**
 * Step four of a sync: what the replica holds that the library has not taken yet is written into the library
 * in one all-or-nothing change of the store (docs/ARCHITECTURE.md, "Changes of several files"). A document
 * whose library value changed since step one (the person kept working during the sync) is left for the next
 * sync, which sends it as a local change and merges it. The applied sequence and the bases are saved only
 * after the library: a crash in between makes the next sync find the library already equal to the replica.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Article } from '../../shared/article-model';
import type { ArticleMeta, FilesChange, Store } from '../store';
import type { Db } from './databases';
import {
  articleDocOf,
  assetDocId,
  contentDocId,
  contentHash,
  highlightDocOf,
  highlightOf,
  metaOf,
  parseDocId,
  readDoc,
  SETTINGS_DOC,
  settingsDocOf,
  type ArticleDoc,
  type ContentDoc,
  type HighlightDoc,
} from './mapping';
import type { SyncState } from './state';

type Incoming = { id: string; rev: string; deleted: boolean; doc: Record<string, unknown> | null };

export type Applied = { applied: number; articles: Set<string> };

/** The documents changed in the replica since the last applied sequence, and those left waiting. */
async function incoming(
  replica: Db,
  state: SyncState,
): Promise<{ docs: Incoming[]; lastSeq: number | string }> {
  const feed = await replica.changes({ since: state.appliedSeq, include_docs: true });
  const docs = new Map<string, Incoming>();
  for (const change of feed.results) {
    const rev = change.changes[0]?.rev ?? '';
    const doc = (change.doc as Record<string, unknown> | undefined) ?? null;
    docs.set(change.id, {
      id: change.id,
      rev: String(doc?._rev ?? rev),
      deleted: change.deleted === true,
      doc,
    });
  }
  const waiting = state.pending.filter((id) => !docs.has(id));
  if (waiting.length > 0) {
    const found = await replica.allDocs({ keys: waiting, include_docs: true });
    for (const row of found.rows) {
      if ('error' in row) continue;
      const doc = (row.doc as Record<string, unknown> | undefined) ?? null;
      docs.set(row.id, { id: row.id, rev: row.value.rev, deleted: row.value.deleted === true, doc });
    }
  }
  return { docs: [...docs.values()], lastSeq: feed.last_seq };
}

const ORDER = { article: 0, content: 1, highlight: 2 } as const;

/** Applies the replica's changes to the library; updates and saves nothing of the state but `state` itself. */
export async function applyReplica(
  store: Store,
  replica: Db,
  state: SyncState,
  includeSettings: boolean,
): Promise<Applied & { lastSeq: number | string }> {
  const { docs, lastSeq } = await incoming(replica, state);
  const settingsEntry = includeSettings
    ? docs.find((entry) => entry.id === SETTINGS_DOC && state.base[entry.id]?.[0] !== entry.rev)
    : undefined;
  const relevant = docs
    .map((entry) => ({ entry, name: parseDocId(entry.id) }))
    .filter((item): item is { entry: Incoming; name: NonNullable<ReturnType<typeof parseDocId>> } => {
      return item.name !== null && state.base[item.entry.id]?.[0] !== item.entry.rev;
    })
    .sort((a, b) => ORDER[a.name.kind] - ORDER[b.name.kind]);
  const articles = new Set<string>();
  if (relevant.length === 0 && !settingsEntry) return { applied: 0, articles, lastSeq };

  const base = { ...state.base };
  const keys = { ...state.keys };
  const pending: string[] = [];
  const conflicts = new Set(state.conflicts);
  let applied = 0;
  await store.changeFiles(async (change) => {
    const settings = settingsEntry?.doc ? readDoc(settingsEntry.doc) : null;
    if (settingsEntry && settings?.type === 'settings') {
      const local = contentHash(settingsDocOf(change.library.settings));
      const docHash = contentHash(settings);
      const known = base[settingsEntry.id];
      if (!known || local === known[1] || local === docHash) {
        const window = (change.library.settings as { window?: unknown } | null)?.window;
        change.library.settings = { ...settings.settings, window: window ?? null };
        applied += 1;
        base[settingsEntry.id] = [settingsEntry.rev, docHash];
      }
    }
    const idOfKey = (key: string) => Object.entries(keys).find(([, value]) => value === key)?.[0];
    const entryOf = (id: string | undefined) =>
      id === undefined ? undefined : change.library.articles.find((article) => article.id === id);
    const took = (entry: Incoming, hash: string | null) => {
      applied += 1;
      if (hash === null) Reflect.deleteProperty(base, entry.id);
      else base[entry.id] = [entry.rev, hash];
      if (entry.doc && Array.isArray(entry.doc.noteConflicts) && entry.doc.noteConflicts.length > 0)
        conflicts.add(entry.id);
      else conflicts.delete(entry.id);
    };

    for (const { entry, name } of relevant) {
      let localId = idOfKey(name.key);
      if (localId === undefined && name.kind === 'article' && entry.doc) {
        // The same article imported here and not sent yet: it becomes this one, merged at the next sync.
        const sha = entry.doc.sha256;
        localId = change.library.articles.find(
          (a) => a.source.sha256 === sha && keys[a.id] === undefined,
        )?.id;
        if (localId !== undefined) keys[localId] = name.key;
      }
      const meta = entryOf(localId);
      const known = base[entry.id]?.[1];
      const doc = entry.deleted || !entry.doc ? null : readDoc(entry.doc);
      if (!entry.deleted && !doc) continue; // a kind this version does not know: left in the replica
      const docHash = doc ? contentHash(doc) : null;

      if (name.kind === 'article') {
        if (meta) {
          const localHash = contentHash(articleDocOf(meta));
          if (localHash !== known && localHash !== docHash) continue; // changed here meanwhile: sent next time
          if (!doc) {
            change.removeArticle(meta.id);
            change.library.articles = change.library.articles.filter((article) => article.id !== meta.id);
            Reflect.deleteProperty(keys, meta.id);
            for (const id of Object.keys(base)) {
              if (id.startsWith(`hl:${name.key}:`)) Reflect.deleteProperty(base, id);
            }
            Reflect.deleteProperty(base, contentDocId(name.key));
          } else Object.assign(meta, metaOf(meta.id, doc as ArticleDoc));
          articles.add(meta.id);
          took(entry, docHash);
        } else if (doc) {
          const created = await createArticle(replica, change, name.key, doc as ArticleDoc);
          if (!created) {
            pending.push(entry.id);
            continue;
          }
          keys[created.id] = name.key;
          base[contentDocId(name.key)] = [created.contentRev, `c:${created.sha256}`];
          articles.add(created.id);
          took(entry, docHash);
        }
      } else if (name.kind === 'content') {
        if (!meta || !doc) continue; // comes with its article, or goes with it
        const content = doc as ContentDoc;
        const localHash = `c:${meta.source.sha256}`;
        if (localHash !== known && localHash !== docHash) continue;
        if (!(await fetchAssets(replica, change, content.article.blocks))) {
          pending.push(entry.id);
          continue;
        }
        change.writeArticle({ id: meta.id, ...content.article } as Article);
        meta.source = content.article.source;
        articles.add(meta.id);
        took(entry, docHash);
      } else {
        if (!meta) {
          if (doc) pending.push(entry.id); // its article has not arrived yet
          continue;
        }
        const annotations = await change.annotations(meta.id);
        const highlightId = name.kind === 'highlight' ? name.highlight : '';
        const index = annotations.highlights.findIndex((h) => h.id === highlightId);
        const current = annotations.highlights[index] ?? null;
        const localHash = current ? contentHash(highlightDocOf(name.key, current)) : null;
        if (current ? localHash !== known && localHash !== docHash : known !== undefined) continue;
        if (!doc) {
          if (index >= 0) annotations.highlights.splice(index, 1);
        } else {
          const highlight = highlightOf(meta.id, doc as HighlightDoc);
          if (index >= 0) annotations.highlights[index] = highlight;
          else annotations.highlights.push(highlight);
        }
        articles.add(meta.id);
        took(entry, docHash);
      }
    }
  });
  state.base = base;
  state.keys = keys;
  state.pending = pending;
  state.conflicts = [...conflicts].filter((id) => base[id] !== undefined);
  return { applied, articles, lastSeq };
}

/** An article received from another computer, with its content and pictures; null while one is missing. */
async function createArticle(
  replica: Db,
  change: FilesChange,
  key: string,
  doc: ArticleDoc,
): Promise<{ id: string; contentRev: string; sha256: string } | null> {
  const stored = await replica.get(contentDocId(key)).catch(() => null);
  const content = stored && readDoc(stored as unknown as Record<string, unknown>);
  if (!stored || !content || content.type !== 'content') return null;
  if (!(await fetchAssets(replica, change, content.article.blocks))) return null;
  const taken = new Set(change.library.articles.map((article) => article.id));
  // The same id on every computer where it is free makes command lines and logs easier to follow.
  const id = taken.has(key.slice(0, 16)) ? randomBytes(8).toString('hex') : key.slice(0, 16);
  change.writeArticle({ id, ...content.article } as Article);
  const meta: ArticleMeta = metaOf(id, doc);
  change.library.articles.push(meta);
  return { id, contentRev: stored._rev, sha256: content.sha256 };
}

/** Stores the pictures `blocks` show that this library does not have yet; false when one has not arrived. */
async function fetchAssets(replica: Db, change: FilesChange, blocks: { image?: { asset: string } }[]) {
  for (const block of blocks) {
    if (!block.image) continue;
    const name = block.image.asset;
    const doc = await replica.get(assetDocId(name)).catch(() => null);
    const bytes = typeof doc?.data === 'string' ? Buffer.from(doc.data, 'base64') : null;
    // A picture is named by its content: bytes that do not match their name are not taken.
    const ext = name.split('.')[1] ?? '';
    if (!bytes || `${createHash('sha256').update(bytes).digest('hex')}.${ext}` !== name) return false;
    await change.writeAsset(name, bytes);
  }
  return true;
}
