import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { errnoCode, StoreError, storeErrorFromFs } from './errors';

/** Who may hold the data folder: the app for its whole life, the CLI for one write command. */
export type LockOwner = 'app' | 'cli';

/** The process holding a data folder's lock (pid 0: a process that is still writing the lock file). */
export type LockHolder = { pid: number; owner: LockOwner; startedAt: string; hostname: string };

/** The lock file's name in the data folder. */
export const LOCK_FILE = 'hamish.lock';

const LockSchema = z.object({
  pid: z.number().int().positive(),
  owner: z.enum(['app', 'cli']),
  startedAt: z.string(),
  hostname: z.string(),
  /** Linux's id of the current boot: a lock from before a reboot is stale even if its pid was reused since. */
  bootId: z.string().nullable(),
  /** Tells this lock from a later one with the same pid, so release() never removes someone else's. */
  token: z.string(),
});
type LockContent = z.infer<typeof LockSchema>;

// A lock file that cannot be parsed is most likely being written right now; after this long it is debris.
const UNREADABLE_GRACE_MS = 10_000;
const TAKEOVER_ATTEMPTS = 3;

/**
 * Takes the lock on `dataDir` (creating the folder if needed) by creating `hamish.lock` exclusively, holding
 * the pid, owner and start time. A lock whose process is gone (or from before a reboot) is taken over. Throws
 * StoreError 'locked', naming the holder, while another live process holds it. Returns the release function
 * (idempotent; it removes the lock only while it is still this one).
 */
export async function acquireLock(
  dataDir: string,
  options: { owner: LockOwner },
): Promise<() => Promise<void>> {
  const file = lockFile(dataDir);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
  } catch (error) {
    throw storeErrorFromFs(error, path.dirname(file), 'create');
  }
  const content: LockContent = {
    pid: process.pid,
    owner: options.owner,
    startedAt: new Date().toISOString(),
    hostname: os.hostname(),
    bootId: bootId(),
    token: randomBytes(8).toString('hex'),
  };
  for (let attempt = 1; attempt <= TAKEOVER_ATTEMPTS; attempt++) {
    if (await createExclusively(file, JSON.stringify(content) + '\n')) {
      return () => releaseLock(file, content.token);
    }
    const seen = await inspect(file);
    if (seen.state === 'held') throw lockedError(dataDir, file, seen.holder);
    // Stale: remove it, unless it changed since it was read (another process took it over meanwhile).
    if (seen.state === 'stale' && (await readText(file)) === seen.text) await fs.rm(file, { force: true });
  }
  throw new StoreError('locked', file, `Could not take the lock ${file}: other processes keep taking it.`);
}

/** Who holds the lock on `dataDir`, or null when nobody does (no lock, or a stale one). */
export async function readLock(dataDir: string): Promise<LockHolder | null> {
  const seen = await inspect(lockFile(dataDir));
  return seen.state === 'held' ? seen.holder : null;
}

/**
 * Throws StoreError 'locked' naming the holder when another process holds `dataDir`: the CLI calls it before a
 * write command (reads need no lock). A lock held by this very process does not count.
 */
export async function assertWritable(dataDir: string): Promise<void> {
  const holder = await readLock(dataDir);
  if (holder && holder.pid !== process.pid) throw lockedError(dataDir, lockFile(dataDir), holder);
}

function lockFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), LOCK_FILE);
}

type Seen = { state: 'free' } | { state: 'stale'; text: string } | { state: 'held'; holder: LockHolder };

async function inspect(file: string): Promise<Seen> {
  const text = await readText(file);
  if (text === null) return { state: 'free' };
  let content: LockContent;
  try {
    content = LockSchema.parse(JSON.parse(text));
  } catch {
    const age = await fs.stat(file).then(
      (stat) => Date.now() - stat.mtimeMs,
      () => Infinity,
    );
    if (age > UNREADABLE_GRACE_MS) return { state: 'stale', text };
    return { state: 'held', holder: { pid: 0, owner: 'app', startedAt: '', hostname: os.hostname() } };
  }
  const { pid, owner, startedAt, hostname } = content;
  return isStale(content)
    ? { state: 'stale', text }
    : { state: 'held', holder: { pid, owner, startedAt, hostname } };
}

// Another machine's process (a shared or network folder) cannot be checked from here, so its lock holds.
function isStale(content: LockContent): boolean {
  if (content.hostname !== os.hostname()) return false;
  const currentBoot = bootId();
  if (content.bootId !== null && currentBoot !== null && content.bootId !== currentBoot) return true;
  try {
    process.kill(content.pid, 0); // signal 0 only asks whether the process exists
    return false;
  } catch (error) {
    return errnoCode(error) === 'ESRCH'; // EPERM: it exists, under another user
  }
}

async function createExclusively(file: string, text: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, 'wx');
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw storeErrorFromFs(error, file, 'create');
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
    await handle.close();
    return true;
  } catch (error) {
    // A lock without its content would block every process for a while: better none at all.
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true });
    throw storeErrorFromFs(error, file, 'write');
  }
}

async function releaseLock(file: string, token: string): Promise<void> {
  const text = await readText(file);
  if (text === null) return;
  try {
    if (LockSchema.parse(JSON.parse(text)).token !== token) return;
  } catch {
    return; // not ours
  }
  await fs.rm(file, { force: true });
}

async function readText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw storeErrorFromFs(error, file, 'read');
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null; // not Linux: staleness rests on the pid alone
  }
}

function lockedError(dataDir: string, file: string, holder: LockHolder): StoreError {
  const who =
    holder.pid === 0
      ? 'Another Hamish process (starting up)'
      : holder.owner === 'app'
        ? `The Hamish app (process ${holder.pid}, running since ${holder.startedAt})`
        : `Another hamish command (process ${holder.pid}, started ${holder.startedAt})`;
  const advice =
    holder.owner === 'app'
      ? 'Close the app to change data from the command line; reading works meanwhile.'
      : 'Try again when it has finished.';
  return new StoreError(
    'locked',
    file,
    `${who} is using ${path.resolve(dataDir)}. ${advice} If no Hamish is running, delete ${file}.`,
  );
}
