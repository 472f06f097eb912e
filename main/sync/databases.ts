/**
 * The two PouchDB databases of a sync: the replica on disk beside the library (`<data>/sync/replica`, a
 * LevelDB folder) and the remote CouchDB database. Turns what PouchDB throws into errors a person can act on.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import PouchDB from 'pouchdb';
import transformPouch from 'transform-pouch';
import { z } from 'zod';
import { decryptDoc, encryptDoc, keyFor, newMarker } from './encryption';
import { FORMAT_DOC, SYNC_FORMAT } from './mapping';
import { SYNC_FOLDER } from './state';
import { SyncError } from './sync-error';

export type Db = PouchDB.Database;

/** Where and as whom to sync; the password is never part of the url. */
export type SyncTarget = {
  url: string;
  username?: string | null;
  password?: string | null;
  /** Seals what the server stores (docs/SYNC.md, "Encryption"). */
  passphrase?: string | null;
};

const MarkerSchema = z.object({ salt: z.string().min(1), check: z.string().min(1) });
const RemotePouch = PouchDB.plugin(transformPouch);

/** From now on, documents are sealed on their way to the server and opened on their way back. */
export function encryptRemote(remote: Db, key: Buffer): void {
  remote.transform({
    incoming: (doc) => (doc._id === FORMAT_DOC ? doc : encryptDoc(key, doc)),
    outgoing: (doc) => decryptDoc(key, doc),
  });
}

export async function openReplica(dataDir: string): Promise<Db> {
  const folder = path.join(dataDir, SYNC_FOLDER);
  await fs.mkdir(folder, { recursive: true });
  // Old revision bodies are kept (no auto-compaction): a conflict is merged against the common ancestor.
  return new PouchDB(path.join(folder, 'replica'));
}

/** The address shown to the person and kept in settings: no user name or password in it. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

export function openRemote(target: SyncTarget): Db {
  const auth =
    target.username && target.password
      ? { auth: { username: target.username, password: target.password } }
      : {};
  // The database is created by checkRemote, not by PouchDB's own lazy setup: that setup's request, when the
  // server vanishes, can fail where nothing waits for it.
  const remote = new RemotePouch(displayUrl(target.url), { ...auth, skip_setup: true });
  // PouchDB's replication asks its source for info() to report progress, without waiting for the answer: if
  // the server vanishes at that moment the failure is heard by no one (an unhandled rejection). Progress is
  // not used here, and every request that matters fails on its own and stops the sync.
  const info = remote.info.bind(remote);
  remote.info = () => info().catch(() => ({ doc_count: 0, update_seq: 0 }));
  return remote;
}

type PouchFailure = { status?: unknown; name?: unknown; message?: unknown; reason?: unknown };

/** A PouchDB failure talking to the remote database as a SyncError naming the address. */
export function remoteError(error: unknown, url: string): SyncError {
  if (error instanceof SyncError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as PouchFailure;
  const status = typeof failure.status === 'number' ? failure.status : 0;
  const where = displayUrl(url);
  const detail = String(failure.reason ?? failure.message ?? error);
  if (status === 401 || status === 403) {
    return new SyncError(
      'sync-unauthorized',
      `${where} refused the user name or password (${detail}).`,
      where,
    );
  }
  if (status === 0 || status >= 500) {
    return new SyncError(
      'sync-unreachable',
      `${where} could not be reached (${detail}). Nothing was changed; try again later.`,
      where,
    );
  }
  return new SyncError(
    'sync-server-error',
    `${where} answered with an error (${status}: ${detail}). Nothing was half applied; the next sync carries on from where this one stopped.`,
    where,
  );
}

/** Whether an address is a server's own (no path), which CouchDB answers as no database. */
function namesNoDatabase(url: string): boolean {
  try {
    return new URL(url).pathname.split('/').every((part) => part === '');
  } catch {
    return false; // an address that does not parse fails on its first request, naming itself
  }
}

/**
 * Checks the remote database can be reached and was not written by a newer Hamish; marks a new one with
 * this format (and its encryption, with a passphrase). Resolves to the key that opens its documents (null: not
 * encrypted). Runs before anything is replicated, so a refused database changes nothing on either side.
 */
export async function checkRemote(
  remote: Db,
  url: string,
  passphrase: string | null,
): Promise<Buffer | null> {
  const where = displayUrl(url);
  const notADatabase = (why: string) =>
    new SyncError(
      'sync-not-a-database',
      `${where} ${why}. The address must name a database, such as https://couch.example.org/hamish.`,
      where,
    );
  // A server's own address (no database named) would be answered with a 404 and taken for a database to create.
  if (namesNoDatabase(where)) {
    throw notADatabase('names a server but no database on it');
  }
  try {
    // PouchDB's info() does not look at the status; the database's own address answers plainly.
    const found = await remote.fetch('', { method: 'GET' });
    if (found.status === 404) {
      const created = await remote.fetch('', { method: 'PUT' });
      // 412: another computer created it at the same moment.
      if (!created.ok && created.status !== 412) throw { status: created.status, reason: created.statusText };
    } else if (!found.ok) throw { status: found.status, reason: found.statusText };
    else {
      const info: unknown = await found.json().catch(() => null);
      if (typeof info !== 'object' || info === null || !('db_name' in info)) {
        throw notADatabase('is not a CouchDB database (it answered with something else)');
      }
    }
    const readMarker = () =>
      remote.get<{ format?: unknown; encryption?: unknown }>(FORMAT_DOC).catch((error: PouchFailure) => {
        if (error.status === 404) return null;
        throw error;
      });
    let marker = await readMarker();
    if (marker === null) {
      const made = passphrase ? await newMarker(passphrase) : null;
      const doc = { _id: FORMAT_DOC, format: SYNC_FORMAT, ...(made && { encryption: made.marker }) };
      const written = await remote.put(doc).then(
        () => true,
        (error: PouchFailure) => {
          if (error.status !== 409) throw error;
          return false; // another computer marked it at the same moment: its marker counts
        },
      );
      if (written) return made?.key ?? null;
      marker = await readMarker();
      if (marker === null) {
        throw new SyncError(
          'sync-format-lost',
          `${where} lost the document that marks it as Hamish's while this sync was setting it up (it was emptied or deleted meanwhile). Nothing was changed; sync again.`,
          where,
        );
      }
    }
    const format = typeof marker.format === 'number' ? marker.format : Number.POSITIVE_INFINITY;
    if (format > SYNC_FORMAT) {
      throw new SyncError(
        'sync-newer-version',
        `${where} holds a library synced by a newer version of Hamish (format ${String(marker.format)}; this one writes ${SYNC_FORMAT}). Update Hamish on this computer to sync with it.`,
        where,
      );
    }
    const encryption = MarkerSchema.safeParse(marker.encryption);
    if (!encryption.success) {
      if (!passphrase) return null;
      throw new SyncError(
        'sync-not-encrypted',
        `${where} is not encrypted, and a passphrase was given: sync an encrypted library with a new database, or remove the passphrase.`,
        where,
      );
    }
    // The server let this computer in: a missing or wrong passphrase is not a refused password, and the
    // person must be told which of the two to fix.
    if (!passphrase) {
      throw new SyncError(
        'sync-needs-passphrase',
        `${where} is encrypted: give its passphrase to sync with it.`,
        where,
      );
    }
    const key = await keyFor(passphrase, encryption.data);
    if (!key) {
      throw new SyncError(
        'sync-wrong-passphrase',
        `The passphrase does not open ${where}: it is not the one this database was encrypted with.`,
        where,
      );
    }
    return key;
  } catch (error) {
    throw remoteError(error, url);
  }
}
