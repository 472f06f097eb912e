import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, assertWritable, LOCK_FILE, readLock } from './index';
import { readFound } from './lock-file';
import { makeTempDir, rejection } from '../../test/kits/store-fixtures';

let dataDir: string;
let lockFile: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
  lockFile = path.join(dataDir, LOCK_FILE);
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** The pid of a process that has exited: a lock left by a crash. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

async function writeLock(content: object): Promise<void> {
  await fs.writeFile(lockFile, JSON.stringify(content));
}

const someoneElse = {
  owner: 'app',
  startedAt: '2024-05-01T08:00:00.000Z',
  hostname: os.hostname(),
  bootId: null,
  token: 'theirs',
};

describe('acquireLock', () => {
  it('creates hamish.lock with the pid, owner and start time, and release removes it', async () => {
    const release = await acquireLock(dataDir, { owner: 'app' });
    const content = JSON.parse(await fs.readFile(lockFile, 'utf8')) as Record<string, unknown>;
    expect(content).toMatchObject({ pid: process.pid, owner: 'app', hostname: os.hostname() });
    expect(Date.parse(String(content.startedAt))).toBeGreaterThan(Date.now() - 60_000);
    expect(await readLock(dataDir)).toMatchObject({ pid: process.pid, owner: 'app' });
    await release();
    await release();
    expect(existsSync(lockFile)).toBe(false);
    expect(await readLock(dataDir)).toBeNull();
  });

  it('creates the data folder when it does not exist yet', async () => {
    const release = await acquireLock(path.join(dataDir, 'new', 'data'), { owner: 'app' });
    expect(existsSync(path.join(dataDir, 'new', 'data', LOCK_FILE))).toBe(true);
    await release();
  });

  it('refuses while a live process holds it, naming the holder', async () => {
    await writeLock({ ...someoneElse, pid: process.ppid });
    const error = await rejection(acquireLock(dataDir, { owner: 'cli' }));
    expect(error.code).toBe('locked');
    expect(error.file).toBe(lockFile);
    expect(error.message).toContain(`The Hamish app (process ${process.ppid}`);
    expect(error.message).toMatch(/Close the app/);
    expect(JSON.parse(await fs.readFile(lockFile, 'utf8'))).toMatchObject({ token: 'theirs' });
  });

  it('takes over a lock whose process is gone', async () => {
    await writeLock({ ...someoneElse, pid: deadPid() });
    expect(await readLock(dataDir)).toBeNull();
    const release = await acquireLock(dataDir, { owner: 'cli' });
    expect(await readLock(dataDir)).toMatchObject({ pid: process.pid, owner: 'cli' });
    await release();
  });

  it.skipIf(!existsSync('/proc/sys/kernel/random/boot_id'))(
    'takes over a lock from before a reboot, even if its pid is alive again',
    async () => {
      await writeLock({ ...someoneElse, pid: process.ppid, bootId: 'a-boot-long-ago' });
      const release = await acquireLock(dataDir, { owner: 'app' });
      await release();
    },
  );

  it('takes over an empty or unreadable lock file at once: a lock is never seen half-written', async () => {
    for (const debris of ['', '\0\0\0\0', '{"pid": 12']) {
      await fs.writeFile(lockFile, debris);
      const release = await acquireLock(dataDir, { owner: 'cli' });
      expect(await readLock(dataDir)).toMatchObject({ pid: process.pid });
      await release();
    }
  });

  it('takes over a stale lock whose takeover a process that died had claimed', async () => {
    await writeLock({ ...someoneElse, pid: deadPid() });
    const identity = (await readFound(lockFile))?.identity ?? '';
    const claim = path.join(dataDir, `${LOCK_FILE}.takeover-${identity}`);
    await fs.writeFile(claim, JSON.stringify({ ...someoneElse, pid: deadPid(), token: 'died-claiming' }));
    const release = await acquireLock(dataDir, { owner: 'cli' });
    expect(await readLock(dataDir)).toMatchObject({ pid: process.pid });
    expect(existsSync(claim)).toBe(false);
    await release();
  });

  it('once taken, tidies temp files and claims left by processes that died', async () => {
    const dead = deadPid();
    const temp = path.join(dataDir, `.${LOCK_FILE}.takeover-x.${dead}.0a1b2c.tmp`);
    const claim = path.join(dataDir, `${LOCK_FILE}.takeover-0123`);
    await fs.writeFile(temp, 'half');
    await fs.writeFile(claim, JSON.stringify({ ...someoneElse, pid: dead }));
    const release = await acquireLock(dataDir, { owner: 'cli' });
    expect([existsSync(temp), existsSync(claim)]).toEqual([false, false]);
    await release();
  });

  it('waits for another command to let go, then takes the lock', async () => {
    const release = await acquireLock(dataDir, { owner: 'cli' });
    setTimeout(() => void release(), 300);
    const second = await acquireLock(dataDir, { owner: 'cli', waitMs: 10_000 });
    expect(await readLock(dataDir)).toMatchObject({ pid: process.pid });
    await second();
  });

  it('refuses after waiting, saying which command holds it and since when', async () => {
    await writeLock({ ...someoneElse, owner: 'cli', pid: process.ppid });
    const error = await rejection(acquireLock(dataDir, { owner: 'cli', waitMs: 300 }));
    expect(error.code).toBe('locked');
    expect(error.message).toContain(
      `Another hamish command (process ${process.ppid}, started ${someoneElse.startedAt})`,
    );
    expect(error.message).toMatch(/waited 0 s/);
  });

  it('does not wait for the app, which holds the folder until it quits', async () => {
    await writeLock({ ...someoneElse, pid: process.ppid });
    const error = await rejection(acquireLock(dataDir, { owner: 'cli', waitMs: 60_000 }));
    expect(error.message).toMatch(/The Hamish app .*Close the app/);
  });

  it('is refused to a second taker in the same process', async () => {
    const release = await acquireLock(dataDir, { owner: 'app' });
    expect((await rejection(acquireLock(dataDir, { owner: 'cli' }))).code).toBe('locked');
    await release();
  });

  it('release leaves alone a lock another process has since taken over', async () => {
    const release = await acquireLock(dataDir, { owner: 'cli' });
    await writeLock({ ...someoneElse, pid: process.ppid });
    await release();
    expect(await readLock(dataDir)).toMatchObject({ pid: process.ppid });
  });
});

describe('assertWritable (the CLI, before a write command)', () => {
  it('passes when nobody holds the data folder, or only this process', async () => {
    await assertWritable(dataDir);
    const release = await acquireLock(dataDir, { owner: 'cli' });
    await assertWritable(dataDir);
    await release();
  });

  it('refuses with "locked" while the app holds it', async () => {
    await writeLock({ ...someoneElse, pid: process.ppid });
    const error = await rejection(assertWritable(dataDir));
    expect(error.code).toBe('locked');
    expect(error.message).toContain(path.resolve(dataDir));
    expect(error.message).toMatch(/reading works meanwhile/);
  });

  it('says so when another hamish command holds it', async () => {
    await writeLock({ ...someoneElse, owner: 'cli', pid: process.ppid });
    expect((await rejection(assertWritable(dataDir))).message).toMatch(/Another hamish command.*Try again/);
  });
});
