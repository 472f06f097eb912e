/**
 * One sync of a library with a CouchDB database (docs/SYNC.md, "A sync, step by step"):
 *   1. local changes of the library → the replica on disk (publish.ts)
 *   2. the replica ⇄ the remote database by CouchDB's replication protocol (PouchDB; its checkpoints make
 *      an interrupted sync resume where it stopped)
 *   3. documents with several leaf revisions merged (resolve.ts), the merges sent back
 *   4. the replica's changes → the library, in one all-or-nothing change (apply.ts), then the state saved.
 * A failure in 1–3 leaves the library untouched; the replica and the remote database only ever hold
 * complete revisions, so the next sync carries on.
 */
import type { Store } from '../store';
import { applyReplica } from './apply';
import {
  checkRemote,
  encryptRemote,
  openRemote,
  openReplica,
  remoteError,
  type Db,
  type SyncTarget,
} from './databases';
import { FORMAT_DOC } from './mapping';
import { publishLocalChanges } from './publish';
import { resolveConflicts } from './resolve';
import { emptyState, stateFile } from './state';

export type SyncRun = {
  /** Documents sent to the remote database, and documents received into the library (taken from the replica). */
  sent: number;
  received: number;
  /** Ids of the synced documents holding a note in conflict. */
  conflicts: string[];
  /** Articles (ids here) whose files the sync changed. */
  changedArticles: string[];
};

type ReplicationResult = { docs_written: number; errors: unknown[]; ok: boolean; status?: string };

function checked(result: ReplicationResult, direction: string, url: string): number {
  if (!result.ok || result.errors.length > 0 || result.status === 'aborting') {
    throw remoteError(
      result.errors[0] ?? new Error(`the ${direction} replication stopped (${result.status ?? 'unknown'})`),
      url,
    );
  }
  return result.docs_written;
}

async function replicate(replica: Db, remote: Db, url: string): Promise<{ sent: number }> {
  try {
    const result = await replica.sync(remote, {
      batch_size: 250,
      // Each database keeps its own format document: the one this replica received from an earlier database
      // (another format, encrypted or not) must never overwrite the marker of the database synced now.
      push: { filter: (doc) => doc._id !== FORMAT_DOC },
    });
    checked(result.pull, 'incoming', url);
    return { sent: checked(result.push, 'outgoing', url) };
  } catch (error) {
    throw remoteError(error, url);
  }
}

export async function runSync(
  store: Store,
  target: SyncTarget,
  options: { includeSettings?: boolean } = {},
): Promise<SyncRun> {
  const includeSettings = options.includeSettings === true;
  // A library that cannot be written (a file from a newer Hamish, a failed migration) is not synced: the
  // store's own error, in the words every refused write uses.
  store.assertWritable();
  const file = stateFile(store.dataDir);
  const state = (await file.read()) ?? emptyState();
  const remote = openRemote(target);
  let replica: Db | null = null;
  try {
    const key = await checkRemote(remote, target.url, target.passphrase ?? null);
    if (key) encryptRemote(remote, key);
    replica = await openReplica(store.dataDir);
    await publishLocalChanges(store, replica, state, includeSettings);
    await file.write(state);
    const { sent } = await replicate(replica, remote, target.url);
    const merged = await resolveConflicts(replica, state.appliedSeq);
    const applied = await applyReplica(store, replica, state, includeSettings);
    state.appliedSeq = applied.lastSeq;
    await file.write(state);
    // Merges made here go out at once, so the other computers need not merge the same leaves again.
    const resent = merged > 0 ? (await replicate(replica, remote, target.url)).sent : 0;
    return {
      sent: sent + resent,
      received: applied.applied,
      conflicts: [...state.conflicts],
      changedArticles: [...applied.articles],
    };
  } finally {
    await replica?.close().catch(() => undefined);
    await remote.close().catch(() => undefined);
  }
}
