import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleChild } from './bundle-child';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { createService } from '../../main/api/service';
import { checkDataDir } from '../../main/store';

/*
 * Operations that change several files (a new version of an article, import, empty trash), run in a loop by a
 * child process killed with SIGKILL at a random moment, again and again on the same folder. After every kill
 * the folder reopens whole: `check` passes, the library lists exactly the articles whose files are there, each
 * entry's title and hash are those of its content file, and no highlight was lost to a half-done update.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = path.join(ROOT, 'data/article-ar.txt');
const KILLS = Number(process.env.HAMISH_KILLS ?? 30);
const RUNNING_MS = { min: 20, max: 400 };
const HIGHLIGHTS = 20;

let work: string;
let child: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'hamish-kill-'));
  child = await bundleChild(work, path.join(import.meta.dirname, 'multi-file-child.ts'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Starts the child and kills it a random time after it has opened the folder; resolves to what it acked. */
function runUntilKilled(args: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const running = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: string[] = [];
    let stderr = '';
    let ready = false;
    const stuck = setTimeout(() => running.kill('SIGKILL'), 20_000);
    running.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (line === 'ready' && !ready) {
          ready = true;
          const ms = RUNNING_MS.min + Math.random() * (RUNNING_MS.max - RUNNING_MS.min);
          setTimeout(() => running.kill('SIGKILL'), ms);
        } else if (line.startsWith('ack ')) acks.push(line.slice(4));
      }
    });
    running.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    running.on('close', (code, signal) => {
      clearTimeout(stuck);
      if (ready && signal === 'SIGKILL') resolve(acks);
      else
        reject(
          new Error(`the child ${ready ? 'died' : 'did not open the folder'} (${signal ?? code}): ${stderr}`),
        );
    });
  });
}

type Entry = { id: string; title: string; source: { sha256: string }; deletedAt: string | null };

/** Everything promised after a kill; the message names what broke. */
async function verify(dataDir: string, articleId: string, highlights: number): Promise<void> {
  const service = await createService({ dataDir }); // finishes a change the kill interrupted
  expect(await checkDataDir(dataDir)).toEqual([]);
  const library = JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8')) as {
    articles: Entry[];
  };
  const listed = library.articles.map((a) => a.id).sort();
  const ids = (folder: string, ext: string) =>
    readdir(path.join(dataDir, folder)).then((names) =>
      names.filter((n) => !n.startsWith('.') && n.endsWith(ext)).map((n) => n.slice(0, -ext.length)),
    );
  expect((await ids('articles', '.json')).sort(), 'article files = library entries').toEqual(listed);
  for (const id of [...(await ids('annotations', '.json')), ...(await ids('annotations', '.journal'))]) {
    expect(listed, `annotations of ${id} belong to a listed article`).toContain(id);
  }
  for (const entry of library.articles) {
    const { article } = JSON.parse(
      await readFile(path.join(dataDir, 'articles', `${entry.id}.json`), 'utf8'),
    ) as {
      article: { title: string; source: { sha256: string } };
    };
    expect({ title: entry.title, sha256: entry.source.sha256 }, `library entry of ${entry.id}`).toEqual({
      title: article.title,
      sha256: article.source.sha256,
    });
  }
  expect((await service.openArticle({ id: articleId })).highlights).toHaveLength(highlights);
}

it(`keeps update, import and empty trash whole across ${KILLS} kills`, async () => {
  const dataDir = path.join(work, 'data');
  const service = await createService({ dataDir, defaultArticles: [SEED] });
  const [seed] = await service.listArticles({});
  const articleId = seed?.id ?? '';
  const text = canonicalText((await service.openArticle({ id: articleId })).blocks);
  for (let at = 0; at < HIGHLIGHTS; at++) {
    await service.createHighlight({ articleId, start: 40 + at * 90, end: 50 + at * 90, color: 'yellow' });
  }
  const seedText = await readFile(SEED, 'utf8');
  const first = path.join(work, 'v1.txt');
  const second = path.join(work, 'v2.txt');
  const fresh = path.join(work, 'new.txt');
  await writeFile(first, `عنوان النسخة الأولى\n\n${seedText}`);
  await writeFile(second, `عنوان النسخة الثانية\n\n${seedText.replace('ليبيا', 'ليبيا الحديثة')}`);
  await writeFile(fresh, 'مقالة تأتي وتذهب\n\nفقرة عن الهامش.\n');
  expect(text.length).toBeGreaterThan(HIGHLIGHTS * 90);

  const acked = new Map<string, number>();
  for (let kill = 0; kill < KILLS; kill++) {
    for (const ack of await runUntilKilled([dataDir, articleId, first, second, fresh])) {
      acked.set(ack, (acked.get(ack) ?? 0) + 1);
    }
    await verify(dataDir, articleId, HIGHLIGHTS);
  }
  console.log(
    `all-or-nothing kill test: ${KILLS} kills; acknowledged ${JSON.stringify(Object.fromEntries(acked))}`,
  );
  // The kills must have landed while the operations ran, not only between them.
  expect(acked.get('update') ?? 0).toBeGreaterThan(KILLS / 2);
});
