/**
 * Step three of a sync: every document of the replica with more than one leaf revision (changed on two
 * computers, or by this library while a newer revision arrived) is merged (docs/SYNC.md, "Conflict rules").
 * The merge is written on the winning leaf and the other leaves are deleted, so CouchDB's revision tree keeps
 * the history and the next replication carries the resolution to every other computer.
 */
import type { Db } from './databases';
import { contentHash } from './mapping';
import { mergeDocs } from './merge';

type Leaf = Record<string, unknown> & {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _revisions?: { start: number; ids: string[] };
};

/** A leaf's revisions from itself back to the first. */
function pathOf(leaf: Leaf): string[] {
  const revisions = leaf._revisions;
  if (!revisions) return [leaf._rev];
  return revisions.ids.map((hash, i) => `${revisions.start - i}-${hash}`);
}

/** The newest revision two leaves share, or null when they grew from different first revisions. */
function commonAncestor(a: Leaf, b: Leaf): string | null {
  const theirs = new Set(pathOf(b));
  return pathOf(a).find((rev) => theirs.has(rev)) ?? null;
}

/** CouchDB's order of leaves: the longest history first, then the highest revision id. */
function winnerFirst(a: Leaf, b: Leaf): number {
  const [pa, ha] = a._rev.split('-') as [string, string];
  const [pb, hb] = b._rev.split('-') as [string, string];
  if (Number(pa) !== Number(pb)) return Number(pb) - Number(pa);
  return ha < hb ? 1 : ha > hb ? -1 : 0;
}

async function bodyAt(replica: Db, id: string, rev: string | null): Promise<Record<string, unknown> | null> {
  if (rev === null) return null;
  // The body of an old revision is known only if this replica held it; otherwise merge two-way.
  return (await replica.get(id, { rev }).catch(() => null)) as Record<string, unknown> | null;
}

/** Merges one document's leaves; resolves to whether anything was written. */
async function resolveDocument(replica: Db, id: string): Promise<boolean> {
  const found = await replica.get(id, { open_revs: 'all', revs: true });
  const leaves = found.flatMap((entry) => ('ok' in entry ? [entry.ok as unknown as Leaf] : []));
  if (leaves.length < 2) return false;
  const deletions = leaves.filter((leaf) => leaf._deleted);
  let alive = leaves.filter((leaf) => !leaf._deleted).sort(winnerFirst);
  if (alive.length === 0) return false;

  // A deletion wins over a copy left untouched since the deleted revision's ancestor, not over an edit.
  const untouched = new Set<string>();
  for (const leaf of alive) {
    for (const deletion of deletions) {
      const ancestor = await bodyAt(replica, id, commonAncestor(leaf, deletion));
      if (ancestor && contentHash(ancestor) === contentHash(leaf)) untouched.add(leaf._rev);
    }
  }
  const removals = alive.filter((leaf) => untouched.has(leaf._rev));
  alive = alive.filter((leaf) => !untouched.has(leaf._rev));
  const writes: Record<string, unknown>[] = removals.map((leaf) => ({
    _id: id,
    _rev: leaf._rev,
    _deleted: true,
  }));
  const [winner, ...others] = alive;
  if (winner) {
    let merged: Record<string, unknown> = winner;
    for (const other of others) {
      const base = await bodyAt(replica, id, commonAncestor(winner, other));
      merged = mergeDocs(base, merged, other);
      writes.push({ _id: id, _rev: other._rev, _deleted: true });
    }
    const { _revisions: _dropped, ...body } = merged as Leaf;
    void _dropped;
    if (others.length > 0) writes.unshift({ ...body, _id: id, _rev: winner._rev });
  }
  if (writes.length === 0) return false;
  const results = await replica.bulkDocs(writes as never);
  for (const result of results) {
    if ('error' in result && result.error)
      throw new Error(`The sync replica refused to merge ${id}: ${result.message}`);
  }
  return true;
}

/** Merges every document changed since `since` that has more than one leaf; resolves to how many were merged. */
export async function resolveConflicts(replica: Db, since: number | string): Promise<number> {
  const feed = await replica.changes({ since, style: 'all_docs' });
  let merged = 0;
  for (const change of feed.results) {
    if (change.changes.length > 1 && (await resolveDocument(replica, change.id))) merged += 1;
  }
  return merged;
}
