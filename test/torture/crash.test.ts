import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleChild } from './bundle-child';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../main/api/service';
import { canonicalText } from '../../shared/article-model';
import { runCli } from '../../main/cli/run';
import { checkDataDir, openStore } from '../../main/store';
import { NOTE_PREFIX, noteVersion, parseReport, type Report } from './crash-protocol';

/*
 * The crash test: a child process saves notes through the service without pause and is killed with
 * SIGKILL at a random moment, again and again on the same data folder. After every kill: every store file
 * parses, every save the child acknowledged is there (at least at that version), nothing it deleted came back,
 * the folder opens again without a file being moved aside, and `hamish check` exits 0.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLE = path.join(ROOT, 'data', 'article-ar.txt');
/** Kills across the run, shared by LANES data folders killed side by side (CI machines have two cores). */
const KILLS = 200;
const LANES = 2;
/** The child saves for this long (ms) after opening the folder, then is killed. */
const SAVING_MS = { min: 20, max: 150 };
/** Highlights made before the first kill: close to where an article starts journaling (JOURNAL_FROM). */
const SEEDED = 90;

type Expected = Map<string, { present: true; version: number } | { present: false }>;
/** What a run did: kills, acknowledged saves, and how many kills left a journal (one with a torn last line). */
type Figures = { kills: number; puts: number; deletes: number; journals: number; torn: number };

let work: string;
let child: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'hamish-crash-'));
  child = await bundleChild(work, path.join(import.meta.dirname, 'crash-child.ts'));
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A data folder with the default article and SEEDED highlights; returns the article's id. */
async function seededFolder(dataDir: string, expected: Expected): Promise<string> {
  const service = await createService({ dataDir, defaultArticles: [ARTICLE] });
  const [article] = await service.listArticles({});
  const articleId = article?.id ?? '';
  const length = canonicalText((await service.openArticle({ id: articleId })).blocks).length;
  for (let i = 0; i < SEEDED; i++) {
    const start = (i * 23) % (length - 40);
    const saved = await service.createHighlight({
      articleId,
      start,
      end: start + 25,
      color: 'green',
      note: `${NOTE_PREFIX}${i}`,
    });
    expected.set(saved.id, { present: true, version: i });
  }
  return articleId;
}

/** Starts the child, kills it SAVING_MS after it reports the folder open, and returns what it reported. */
function runUntilKilled(args: readonly string[]): Promise<Report[]> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reports: Report[] = [];
    let pending = '';
    let stderr = '';
    let ready = false;
    // A child that never opens the folder is a failure, not a hang.
    const stuck = setTimeout(() => process_.kill('SIGKILL'), 20_000);
    process_.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready' && !ready) {
          ready = true;
          const saving = SAVING_MS.min + Math.random() * (SAVING_MS.max - SAVING_MS.min);
          setTimeout(() => process_.kill('SIGKILL'), saving);
        }
        const report = parseReport(line);
        if (report) reports.push(report);
      }
    });
    process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // 'close', not 'exit': it comes after the last bytes the child wrote before dying have been read.
    process_.on('close', (code, signal) => {
      clearTimeout(stuck);
      if (ready && signal === 'SIGKILL') resolve(reports);
      else
        reject(
          new Error(`the child ${ready ? 'died' : 'did not open the folder'} (${signal ?? code}): ${stderr}`),
        );
    });
  });
}

/**
 * Everything the test promises after a kill; throws with the first thing broken. `unsure`: highlights whose
 * deletion started but was not acknowledged, so either outcome is right; the one found is then expected.
 */
async function verify(
  dataDir: string,
  articleId: string,
  expected: Expected,
  unsure: ReadonlySet<string>,
): Promise<void> {
  expect(await checkDataDir(dataDir)).toEqual([]);
  const moved = (await readdir(dataDir, { recursive: true })).filter((name) => name.includes('.corrupt-'));
  expect(moved).toEqual([]);
  const store = await openStore(dataDir, { readOnly: true });
  const saved = new Map((await store.annotations(articleId)).highlights.map((h) => [h.id, h]));
  const lost: string[] = [];
  for (const id of unsure) if (!saved.has(id)) expected.set(id, { present: false });
  for (const [id, want] of expected) {
    const found = saved.get(id);
    if (!want.present && found) lost.push(`${id} was deleted, yet is back`);
    if (want.present && (noteVersion(found?.note ?? '') ?? -1) < want.version) {
      lost.push(
        `${id} should have version ≥ ${want.version}, has ${found ? noteVersion(found.note) : 'none'}`,
      );
    }
  }
  expect(lost).toEqual([]);
  let output = '';
  const io = { stdout: (text: string) => (output += text), stderr: (text: string) => (output += text) };
  expect(await runCli(['--data-dir', dataDir, 'check'], io), output).toBe(0);
}

/** One data folder, killed `kills` times; runs are numbered from `firstRun` so that note versions only grow. */
async function lane(name: string, kills: number, firstRun: number): Promise<Figures> {
  const dataDir = path.join(work, name);
  const expected: Expected = new Map();
  const articleId = await seededFolder(dataDir, expected);
  const figures: Figures = { kills: 0, puts: 0, deletes: 0, journals: 0, torn: 0 };
  for (let run = firstRun; run < firstRun + kills; run++) {
    const reports = await runUntilKilled([dataDir, articleId, ARTICLE, String(run)]);
    const unsure = new Set<string>();
    for (const report of reports) {
      if (report.kind === 'try') {
        unsure.add(report.id);
        continue;
      }
      unsure.delete(report.id);
      expected.set(
        report.id,
        report.op === 'put' ? { present: true, version: report.version } : { present: false },
      );
      figures[report.op === 'put' ? 'puts' : 'deletes']++;
    }
    figures.kills++;
    await verify(dataDir, articleId, expected, unsure);
    const journal = await readFile(path.join(dataDir, 'annotations', `${articleId}.journal`)).catch(
      () => null,
    );
    if (journal) figures.journals++;
    if (journal && journal.at(-1) !== 0x0a) figures.torn++;
  }
  return figures;
}

describe('the store under SIGKILL', () => {
  it(
    `keeps every acknowledged save through ${KILLS} kills of a process saving notes`,
    { timeout: 600_000 },
    async () => {
      const started = performance.now();
      const lanes = await Promise.all(
        Array.from({ length: LANES }, (_, i) => lane(`data-${i}`, KILLS / LANES, (i + 1) * 1000)),
      );
      const total = lanes.reduce((sum, f) => ({
        kills: sum.kills + f.kills,
        puts: sum.puts + f.puts,
        deletes: sum.deletes + f.deletes,
        journals: sum.journals + f.journals,
        torn: sum.torn + f.torn,
      }));
      const seconds = (performance.now() - started) / 1000;
      // Reaching this line means nothing was lost: verify() throws at the first loss.
      console.log(
        `crash test: ${total.kills} kills, ${total.puts + total.deletes} acknowledged saves ` +
          `(${total.puts} notes saved, ${total.deletes} highlights deleted), 0 lost, ` +
          `${total.journals} kills left a journal (${total.torn} with a torn last line), ${seconds.toFixed(1)} s`,
      );
      expect(total.kills).toBe(KILLS);
    },
  );
});
