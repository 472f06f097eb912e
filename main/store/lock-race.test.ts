import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../api/service';
import { canonicalText } from '../../shared/article-model';
import { LOCK_FILE, readLock } from './index';
import { bundleChild, raceChildren } from '../../test/kits/process-race-kit';
import { makeTempDir } from '../../test/kits/store-fixtures';

/*
 * Many writers, each a real process, started at the same instant over a stale lock (the lock of a process that
 * died, as a crash leaves it): exactly one at a time may hold the data folder, and every write a command
 * acknowledged must be there afterwards.
 */

const ROUNDS = 20;
const WRITERS = 8;
const CLI_ROUNDS = 4;
const ARTICLE = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

const children: { script: string; remove: () => Promise<void> }[] = [];
let lockChild: string;
let cliChild: string;

beforeAll(async () => {
  const [lock, cli] = await Promise.all([
    bundleChild(path.join(import.meta.dirname, '../../test/kits/lock-race-child.ts')),
    bundleChild(path.join(import.meta.dirname, '../../test/kits/cli-race-child.ts')),
  ]);
  children.push(lock, cli);
  lockChild = lock.script;
  cliChild = cli.script;
}, 60_000);

afterAll(async () => {
  await Promise.all(children.map(({ remove }) => remove()));
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

/** Leaves the lock a crashed hamish command leaves behind. */
async function staleLock(dataDir: string): Promise<void> {
  const lock = {
    pid: deadPid(),
    owner: 'cli',
    startedAt: new Date().toISOString(),
    hostname: os.hostname(),
    bootId: null,
    token: 'crashed',
  };
  await fs.writeFile(path.join(dataDir, LOCK_FILE), JSON.stringify(lock) + '\n');
}

describe('writers started together over a stale lock', () => {
  it('never hold the lock two at a time', async () => {
    const dataDir = await makeTempDir();
    let overlaps = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await staleLock(dataDir);
      const runs = await raceChildren(
        lockChild,
        Array.from({ length: WRITERS }, () => [dataDir]),
      );
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
      overlaps += runs.filter((run) => run.stdout.includes('overlap')).length;
    }
    console.log(`lock race: ${ROUNDS} rounds × ${WRITERS} processes over a stale lock, ${overlaps} overlaps`);
    expect(overlaps).toBe(0);
    expect(await readLock(dataDir)).toBeNull();
    await fs.rm(dataDir, { recursive: true, force: true });
  }, 180_000);

  it('lose no acknowledged highlight made through the command line', async () => {
    const dataDir = await makeTempDir();
    const service = await createService({ dataDir, defaultArticles: [ARTICLE] });
    const [article] = await service.listArticles({});
    const id = article?.id ?? '';
    const text = canonicalText((await service.openArticle({ id })).blocks);
    const acknowledged: string[] = [];
    let refused = 0;
    for (let round = 0; round < CLI_ROUNDS; round++) {
      await staleLock(dataDir);
      const argLists = Array.from({ length: WRITERS }, (_, n) => {
        const start = (round * WRITERS + n) * 7;
        const quote = text.slice(start, start + 12);
        return ['--data-dir', dataDir, 'highlight', id, '--quote', quote, '--note', `r${round}w${n}`];
      });
      for (const run of await raceChildren(cliChild, argLists)) {
        if (run.code === 0) acknowledged.push(run.stdout.trim());
        else refused++;
      }
    }
    const saved = (await createService({ dataDir, readOnly: true }).then((s) => s.openArticle({ id })))
      .highlights;
    const savedIds = new Set(saved.map((highlight) => highlight.id));
    const lost = acknowledged.filter((highlightId) => !savedIds.has(highlightId));
    console.log(
      `CLI lock race: ${CLI_ROUNDS} rounds × ${WRITERS} hamish highlight over a stale lock: ` +
        `${acknowledged.length} acknowledged, ${refused} refused, ${lost.length} lost`,
    );
    expect(lost).toEqual([]);
    expect(refused).toBe(0);
    await fs.rm(dataDir, { recursive: true, force: true });
  }, 180_000);
});
