/**
 * What this computer remembers between syncs (`<data>/sync/state.json`, written durably): for every synced
 * document the revision and content the library last took from the replica (its base: a library value that
 * differs from it is a local change), the replica's sequence applied so far, the key of every article, the
 * documents waiting for something else to arrive, and the notes in conflict. It is written only after the
 * library itself, so a crash between the two leaves a base older than the library, which the next sync
 * recognises (the library then equals the replica) and mends.
 */
import path from 'node:path';
import { z } from 'zod';
import { DurableJsonFile } from '../store';

const StateSchema = z.object({
  schemaVersion: z.literal(1),
  appliedSeq: z.union([z.number(), z.string()]),
  /** document id → [revision, content hash] the library holds. */
  base: z.record(z.string(), z.tuple([z.string(), z.string()])),
  /** article id on this computer → its key in the shared database. */
  keys: z.record(z.string(), z.string()),
  /** Documents received before what they need (a highlight before its article). */
  pending: z.array(z.string()),
  /** Documents holding a note in conflict. */
  conflicts: z.array(z.string()),
});
export type SyncState = z.infer<typeof StateSchema>;

export const SYNC_FOLDER = 'sync';

export function emptyState(): SyncState {
  return { schemaVersion: 1, appliedSeq: 0, base: {}, keys: {}, pending: [], conflicts: [] };
}

export function stateFile(dataDir: string): DurableJsonFile<SyncState> {
  return new DurableJsonFile(path.join(dataDir, SYNC_FOLDER, 'state.json'), (data) =>
    StateSchema.parse(data),
  );
}
