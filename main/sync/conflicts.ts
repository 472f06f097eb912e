/**
 * Notes that two computers changed in ways that could not be merged: the library shows the kept text, the
 * synced document carries the other ones (`noteConflicts`), so every computer lists the same conflicts and a
 * resolution made on one reaches the others with the next sync.
 */
import type { Store } from '../store';
import { openReplica } from './databases';
import {
  articleDocOf,
  contentHash,
  highlightDocOf,
  parseDocId,
  type ArticleDoc,
  type HighlightDoc,
} from './mapping';
import type { SyncConflict, SyncResolution } from '../../shared/sync-model';
import { stateFile, type SyncState } from './state';
import { SyncError } from './sync-error';

type Found = { docId: string; index: number; doc: Record<string, unknown> & { _rev: string } };

function localArticle(state: SyncState, key: string): string | undefined {
  return Object.entries(state.keys).find(([, value]) => value === key)?.[0];
}

/** Every conflict waiting, with both texts. */
export async function listConflicts(store: Store): Promise<SyncConflict[]> {
  const state = await stateFile(store.dataDir).read();
  if (!state || state.conflicts.length === 0) return [];
  const replica = await openReplica(store.dataDir);
  try {
    const conflicts: SyncConflict[] = [];
    for (const docId of state.conflicts) {
      const name = parseDocId(docId);
      const doc = await replica.get(docId).catch(() => null);
      const articleId = name && localArticle(state, name.key);
      if (!doc || !name || !articleId) continue;
      const meta = store.library().articles.find((article) => article.id === articleId);
      const others = Array.isArray(doc.noteConflicts) ? (doc.noteConflicts as string[]) : [];
      others.forEach((other, index) => {
        conflicts.push({
          id: `${docId}#${index}`,
          articleId,
          articleTitle: meta?.title ?? '',
          highlightId: name.kind === 'highlight' ? name.highlight : null,
          quote:
            name.kind === 'highlight' ? String((doc as unknown as HighlightDoc).target?.exact ?? '') : '',
          kept: String(doc.note ?? ''),
          other,
        });
      });
    }
    return conflicts;
  } finally {
    await replica.close();
  }
}

function resolvedNote(kept: string, other: string, keep: SyncResolution): string {
  if (keep === 'local') return kept;
  if (keep === 'remote') return other;
  if (keep === 'both') return `${kept}\n\n${other}`;
  return keep.text;
}

/**
 * Resolves one conflict: the library takes the chosen note, then the synced document the same note without
 * that conflict, as a new revision the next sync sends. `now` stamps the highlight's change.
 */
export async function resolveConflict(
  store: Store,
  conflictId: string,
  keep: SyncResolution,
  now: () => Date,
): Promise<void> {
  const file = stateFile(store.dataDir);
  const state = await file.read();
  const [docId, indexText] = conflictId.split('#') as [string, string | undefined];
  const name = parseDocId(docId);
  const articleId = name && state ? localArticle(state, name.key) : undefined;
  if (!state || !name || !articleId || !state.conflicts.includes(docId)) {
    throw new SyncError(
      'sync-conflict-changed',
      `There is no conflict ${conflictId} (it may have been resolved already).`,
    );
  }
  const replica = await openReplica(store.dataDir);
  try {
    const doc = (await replica.get(docId)) as Found['doc'];
    const others = Array.isArray(doc.noteConflicts) ? (doc.noteConflicts as string[]) : [];
    const index = Number(indexText);
    const other = others[index];
    if (other === undefined) {
      throw new SyncError('sync-conflict-changed', `There is no conflict ${conflictId}.`);
    }
    if (state.base[docId]?.[0] !== doc._rev) {
      throw new SyncError(
        'sync-conflict-changed',
        'This note changed again since the conflict was found: sync first.',
      );
    }
    const note = resolvedNote(String(doc.note ?? ''), other, keep);
    const rest = others.filter((_, i) => i !== index);
    let body: ArticleDoc | HighlightDoc;
    if (name.kind === 'highlight') {
      const saved = await store.changeHighlight(articleId, name.highlight, (current) => ({
        ...current,
        note,
        updatedAt: now().toISOString(),
      }));
      body = highlightDocOf(name.key, saved);
    } else {
      await store.updateLibrary((library) => {
        const meta = library.articles.find((article) => article.id === articleId);
        if (meta) meta.note = note;
      });
      const meta = store.library().articles.find((article) => article.id === articleId);
      if (!meta)
        throw new SyncError('sync-conflict-changed', `The article of conflict ${conflictId} is gone.`);
      body = articleDocOf(meta);
    }
    const written = await replica.put({
      ...body,
      ...(rest.length > 0 && { noteConflicts: rest }),
      _id: docId,
      _rev: doc._rev,
    });
    state.base[docId] = [written.rev, contentHash(body)];
    if (rest.length === 0) state.conflicts = state.conflicts.filter((id) => id !== docId);
    await file.write(state);
  } finally {
    await replica.close();
  }
}
