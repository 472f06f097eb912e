/**
 * Step one of a sync (docs/SYNC.md, "A sync, step by step"): every difference between the library and its
 * base is a local change, written into the replica. On top of the replica's revision when that is still the
 * base; otherwise (the replica received a newer revision the library has not taken yet) as a branch from the
 * base, which CouchDB records as a conflict and step three merges with the common ancestor.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { assetFile, type Store } from '../store';
import type { Db } from './databases';
import {
  articleDocId,
  articleDocOf,
  assetDocId,
  contentDocId,
  contentDocOf,
  contentHash,
  highlightDocId,
  highlightDocOf,
  SETTINGS_DOC,
  settingsDocOf,
  stableJson,
} from './mapping';
import type { SyncState } from './state';

type Entity = { hash: string; body: () => Promise<Record<string, unknown>> };
type Row = { id: string; rev: string; deleted: boolean; doc?: Record<string, unknown> };

/** The key an article is known by in the shared database: its content hash, unless another article has it. */
function keyFor(meta: { id: string; source: { sha256: string } }, used: Set<string>): string {
  const key = used.has(meta.source.sha256)
    ? `${meta.source.sha256.slice(0, 40)}-${meta.id}`
    : meta.source.sha256;
  used.add(key);
  return key;
}

/** Every synced document the library holds now, by id; ids whose files could not be read go in `unknown`. */
async function libraryEntities(
  store: Store,
  state: SyncState,
  unknown: Set<string>,
  includeSettings: boolean,
) {
  const entities = new Map<string, Entity>();
  const settings = settingsDocOf(store.library().settings);
  if (includeSettings)
    entities.set(SETTINGS_DOC, { hash: contentHash(settings), body: async () => settings });
  else unknown.add(SETTINGS_DOC); // not sent, and never taken for deleted
  const used = new Set(Object.values(state.keys));
  for (const meta of store.library().articles) {
    const key = state.keys[meta.id] ?? keyFor(meta, used);
    state.keys[meta.id] = key;
    const article = articleDocOf(meta);
    entities.set(articleDocId(key), { hash: contentHash(article), body: async () => article });
    entities.set(contentDocId(key), {
      hash: `c:${meta.source.sha256}`,
      body: async () => contentDocOf(await store.readArticle(meta.id)),
    });
    let highlights;
    try {
      highlights = (await store.annotations(meta.id)).highlights;
    } catch {
      // A damaged file changes nothing remotely: its highlights are neither sent nor taken for deleted.
      for (const id of Object.keys(state.base)) if (id.startsWith(`hl:${key}:`)) unknown.add(id);
      continue;
    }
    for (const highlight of highlights) {
      const doc = highlightDocOf(key, highlight);
      entities.set(highlightDocId(key, highlight.id), { hash: contentHash(doc), body: async () => doc });
    }
  }
  return entities;
}

/** A revision id made from the content and its parent, so the same change gives the same revision. */
function branchRevision(parent: string | undefined, body: unknown): { rev: string; revisions: object } {
  const hash = createHash('md5')
    .update(`${parent ?? ''}\n${stableJson(body)}`)
    .digest('hex');
  if (!parent) return { rev: `1-${hash}`, revisions: { start: 1, ids: [hash] } };
  const [position, parentHash] = parent.split('-') as [string, string];
  const start = Number(position) + 1;
  return { rev: `${start}-${hash}`, revisions: { start, ids: [hash, parentHash] } };
}

/** Writes the library's local changes into the replica; updates the base of what it wrote. Resolves to a count. */
export async function publishLocalChanges(
  store: Store,
  replica: Db,
  state: SyncState,
  includeSettings: boolean,
): Promise<number> {
  const unknown = new Set<string>();
  const entities = await libraryEntities(store, state, unknown, includeSettings);
  const changed = [...entities].filter(([id, entity]) => state.base[id]?.[1] !== entity.hash);
  const deleted = Object.keys(state.base).filter((id) => !entities.has(id) && !unknown.has(id));
  if (changed.length === 0 && deleted.length === 0) return 0;

  const ids = [...changed.map(([id]) => id), ...deleted];
  const rows = new Map<string, Row>();
  const found = await replica.allDocs({ keys: ids, include_docs: true });
  for (const row of found.rows) {
    if ('error' in row) continue;
    const doc = row.doc as Record<string, unknown> | undefined;
    rows.set(row.id, {
      id: row.id,
      rev: row.value.rev,
      deleted: row.value.deleted === true,
      ...(doc && { doc }),
    });
  }

  const onTop: Record<string, unknown>[] = [];
  const branches: Record<string, unknown>[] = [];
  const newBase = new Map<string, [string, string] | null>();
  const hashes = new Map<string, string>();
  const newContent: Record<string, unknown>[] = [];
  for (const [id, entity] of changed) {
    const row = rows.get(id);
    const base = state.base[id];
    const live = row && !row.deleted ? row.doc : undefined;
    if (id === SETTINGS_DOC && !base && live) {
      // Settings just turned on here, and the database has some: this computer takes them (step 4).
      if (!state.pending.includes(id)) state.pending.push(id);
      continue;
    }
    if (row && live && contentHash(live) === entity.hash) {
      newBase.set(id, [row.rev, entity.hash]); // the replica already holds it (an earlier run, or the same import)
      continue;
    }
    const body = await entity.body();
    if (body.type === 'content') newContent.push(body);
    // Conflicts set aside for the person stay with the document until they are resolved.
    const kept = live?.noteConflicts ? { noteConflicts: live.noteConflicts } : {};
    if (!row || (row.rev === base?.[0] && !row.deleted)) {
      onTop.push({ ...body, ...kept, _id: id, ...(row && { _rev: row.rev }) });
      hashes.set(id, entity.hash);
    } else {
      // A branch grows from the base revision, so it carries the texts set aside there: the merge takes a text
      // missing from one side for resolved (merge.ts), and this side resolved nothing.
      const parent = base ? await replica.get(id, { rev: base[0] }).catch(() => null) : null;
      const setAside = parent?.noteConflicts ? { noteConflicts: parent.noteConflicts } : {};
      const { rev, revisions } = branchRevision(base?.[0], { ...body, ...setAside });
      branches.push({ ...body, ...setAside, _id: id, _rev: rev, _revisions: revisions });
      newBase.set(id, [rev, entity.hash]);
    }
  }
  for (const id of deleted) {
    const row = rows.get(id);
    const base = state.base[id];
    newBase.set(id, null);
    if (!base || !row || row.deleted) continue;
    if (row.rev === base[0]) onTop.push({ _id: id, _rev: row.rev, _deleted: true });
    else {
      const { rev, revisions } = branchRevision(base[0], { deleted: true });
      branches.push({ _id: id, _rev: rev, _revisions: revisions, _deleted: true });
    }
  }

  await putAssets(store.dataDir, replica, newContent);
  if (branches.length > 0) await replica.bulkDocs(branches as never, { new_edits: false });
  const results = onTop.length > 0 ? await replica.bulkDocs(onTop as never) : [];
  for (const result of results) {
    const id = String(result.id);
    if (!result.ok) throw new Error(`The sync replica refused ${id}: ${String(result.message ?? 'unknown')}`);
    const hash = hashes.get(id);
    newBase.set(id, hash === undefined ? null : [String(result.rev), hash]);
  }
  for (const [id, value] of newBase) {
    if (value) state.base[id] = value;
    else Reflect.deleteProperty(state.base, id);
  }
  // Keys of articles no longer in the library are forgotten once their documents are deleted.
  const live = new Set(store.library().articles.map((article) => article.id));
  for (const id of Object.keys(state.keys)) if (!live.has(id)) Reflect.deleteProperty(state.keys, id);
  return onTop.length + branches.length;
}

/** Stores the pictures new content refers to as documents of their own (once: they never change). */
async function putAssets(dataDir: string, replica: Db, contents: Record<string, unknown>[]): Promise<void> {
  const names = new Set<string>();
  for (const content of contents) {
    const blocks = (content.article as { blocks: { image?: { asset: string } }[] }).blocks;
    for (const block of blocks) if (block.image) names.add(block.image.asset);
  }
  if (names.size === 0) return;
  const existing = await replica.allDocs({ keys: [...names].map(assetDocId) });
  const missing = existing.rows.filter((row) => 'error' in row).map((row) => row.key.slice('asset:'.length));
  const docs = [];
  for (const name of missing) {
    const file = assetFile(dataDir, name);
    if (!file) continue;
    const data = await fs.readFile(file).catch(() => null);
    if (!data) continue;
    // Inline rather than as an attachment: it is sealed with the rest when the library is encrypted.
    docs.push({ _id: assetDocId(name), type: 'asset', data: data.toString('base64') });
  }
  if (docs.length > 0) await replica.bulkDocs(docs);
}
