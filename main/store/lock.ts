import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errnoCode, StoreError, storeErrorFromFs } from './errors';
import { createWhole, readFound, removeFile } from './lock-file';

/*
 * The data folder's lock, `hamish.lock`: one process at a time may write the folder.
 *
 * Taking it is creating the file whole (lock-file.ts): it exists with its content or not at all. Taking over a
 * stale one (its process is gone) is where two processes could both win: if each reads the stale lock and then
 * removes "it", the second removal can delete the lock the first has just made. So removing a stale lock needs
 * a right that only one process can get: the claim `hamish.lock.takeover-<identity>`, created whole like the
 * lock, where the identity names that very version of the lock file (inode, time, content). Whoever created the
 * claim reads the lock again and removes it only if it is still that version. Nobody else ever removes that
 * version (its own process is dead, and the claim for it is unique), so between that check and the removal it
 * cannot change. Then everyone races to create the lock whole again, and exactly one wins. A claim whose
 * process died in turn is removed the same way, through a claim of its own identity.
 */

/** Who may hold the data folder: the app for its whole life, the CLI for one write command. */
export type LockOwner = 'app' | 'cli';

/** The process holding a data folder's lock. */
export type LockHolder = { pid: number; owner: LockOwner; startedAt: string; hostname: string };

/** The lock file's name in the data folder. */
export const LOCK_FILE = 'hamish.lock';

/** What a lock file holds. */
type LockContent = {
  pid: number;
  owner: LockOwner;
  startedAt: string;
  hostname: string;
  /** Linux's id of the current boot: a lock from before a reboot is stale even if its pid was reused since. */
  bootId: string | null;
  /** Tells this lock from a later one with the same pid, so release() never removes someone else's. */
  token: string;
};

// Checked by hand rather than with a schema library: the lock is the first thing a command does, and this
// keeps its start cheap.
function parseLock(text: string): LockContent | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { pid, owner, startedAt, hostname, bootId, token } = json as Record<string, unknown>;
  const valid =
    typeof pid === 'number' &&
    Number.isInteger(pid) &&
    pid > 0 &&
    (owner === 'app' || owner === 'cli') &&
    typeof startedAt === 'string' &&
    typeof hostname === 'string' &&
    (bootId === null || typeof bootId === 'string') &&
    typeof token === 'string';
  return valid ? { pid, owner, startedAt, hostname, bootId, token } : null;
}

const CLAIM_PREFIX = `${LOCK_FILE}.takeover-`;
// Each level is a claim whose process died within the moment it held it: more than two is not a real case.
const MAX_CLAIM_DEPTH = 3;
const ATTEMPTS_PER_TRY = 4;
const FIRST_PAUSE_MS = 20;
const LONGEST_PAUSE_MS = 400;

/**
 * Takes the lock on `dataDir` (creating the folder if needed). A lock whose process is gone (or from before a
 * reboot), or an unreadable lock file (debris: a lock file is never seen half-written), is taken over. While
 * another hamish command holds it, waits up to `waitMs` (polling with a growing pause), as commands are short;
 * a lock the app holds is refused at once, as the app holds it until it quits. Throws StoreError 'locked',
 * naming the holder. Returns the release function (idempotent; it removes the lock only while it is still
 * this one).
 */
export async function acquireLock(
  dataDir: string,
  options: { owner: LockOwner; waitMs?: number },
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
  const waitMs = options.waitMs ?? 0;
  const deadline = Date.now() + waitMs;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    const outcome = await tryToTake(file, content);
    if (outcome === 'taken') {
      await removeLeftovers(path.dirname(file));
      return () => releaseLock(file, content.token);
    }
    if (outcome?.owner === 'app' || Date.now() >= deadline) throw lockedError(dataDir, file, outcome, waitMs);
    await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
  }
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
  if (holder && holder.pid !== process.pid) throw lockedError(dataDir, lockFile(dataDir), holder, 0);
}

function lockFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), LOCK_FILE);
}

/** 'taken', or who holds it (null: nobody for long, as others kept taking over a stale one meanwhile). */
async function tryToTake(file: string, content: LockContent): Promise<'taken' | LockHolder | null> {
  const text = JSON.stringify(content) + '\n';
  for (let attempt = 0; attempt < ATTEMPTS_PER_TRY; attempt++) {
    if (await createWhole(file, text)) return 'taken';
    const seen = await inspect(file);
    if (seen.state === 'held') return seen.holder;
    if (seen.state === 'stale') await removeIfStill(file, seen.identity, text, 0);
  }
  return null;
}

type Seen =
  | { state: 'free' }
  | { state: 'stale'; identity: string }
  | { state: 'held'; holder: LockHolder; token: string };

async function inspect(file: string): Promise<Seen> {
  const found = await readFound(file);
  if (found === null) return { state: 'free' };
  const content = parseLock(found.text);
  if (content === null) return { state: 'stale', identity: found.identity }; // never half-written: debris
  const { pid, owner, startedAt, hostname, token } = content;
  return isStale(content)
    ? { state: 'stale', identity: found.identity }
    : { state: 'held', holder: { pid, owner, startedAt, hostname }, token };
}

/**
 * Removes `file` if it is still the version `identity`, through the claim on that version (see the top of
 * this file). Without the claim (another live process has it) nothing is done: the caller tries again.
 */
async function removeIfStill(file: string, identity: string, ours: string, depth: number): Promise<void> {
  const claim = path.join(path.dirname(file), `${CLAIM_PREFIX}${identity}`);
  if (!(await createWhole(claim, ours))) {
    const seen = await inspect(claim);
    if (seen.state === 'stale' && depth < MAX_CLAIM_DEPTH) {
      await removeIfStill(claim, seen.identity, ours, depth + 1);
    }
    return;
  }
  try {
    const now = await readFound(file);
    if (now?.identity === identity) await removeFile(file);
  } finally {
    await removeFile(claim);
  }
}

/**
 * Once the lock is ours, claims and temp files left by processes that died are removed. No claim can matter
 * now: each names a version of the lock file that is gone for good, as the lock is this process's.
 */
async function removeLeftovers(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return; // only tidying
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (name.startsWith(CLAIM_PREFIX)) {
      if ((await inspect(file).catch(() => null))?.state === 'stale') await removeFile(file).catch(() => {});
    } else if (name.startsWith(`.${LOCK_FILE}.`) && name.endsWith('.tmp')) {
      const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1]);
      if (Number.isInteger(pid) && pid > 0 && !processExists(pid)) await removeFile(file).catch(() => {});
    }
  }
}

async function releaseLock(file: string, token: string): Promise<void> {
  const seen = await inspect(file);
  if (seen.state === 'held' && seen.token === token) await removeFile(file);
}

// Another machine's process (a shared or network folder) cannot be checked from here, so its lock holds.
function isStale(content: LockContent): boolean {
  if (content.hostname !== os.hostname()) return false;
  const currentBoot = bootId();
  if (content.bootId !== null && currentBoot !== null && content.bootId !== currentBoot) return true;
  return !processExists(content.pid);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return errnoCode(error) !== 'ESRCH'; // EPERM: it exists, under another user
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null; // not Linux: staleness rests on the pid alone
  }
}

function lockedError(dataDir: string, file: string, holder: LockHolder | null, waitedMs: number): StoreError {
  const waited = waitedMs > 0 ? ` (waited ${Math.round(waitedMs / 1000)} s)` : '';
  if (holder === null) {
    return new StoreError(
      'locked',
      file,
      `Could not take the lock ${file}${waited}: other Hamish processes kept taking it. Try again.`,
    );
  }
  const who =
    holder.owner === 'app'
      ? `The Hamish app (process ${holder.pid}, running since ${holder.startedAt})`
      : `Another hamish command (process ${holder.pid}, started ${holder.startedAt})`;
  const advice =
    holder.owner === 'app'
      ? 'Close the app to change data from the command line; reading works meanwhile.'
      : `Try again when it has finished${waited}.`;
  return new StoreError(
    'locked',
    file,
    `${who} is using ${path.resolve(dataDir)}. ${advice} If no Hamish is running, delete ${file}.`,
  );
}
