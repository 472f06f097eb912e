import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeTarget } from '../../main/annotations/anchor';
import { COLORS, type Highlight } from '../../shared/annotation-model';
import { canonicalText } from '../../shared/article-model';
import { createService } from '../../main/api/service';
import { startCouchServer } from '../kits/couch-server';
import { SEED_TEXT } from './generate';
import { row, type Row } from './table';

/**
 * Sync (docs/SYNC.md): a library of 1,000 articles with 10,000 highlights (half with a note) sent to a local
 * CouchDB-compatible server (express-pouchdb in memory, in this process), received whole by a second data
 * folder, then one note changed and synced again. Memory: the process's resident size after the first sync
 * (server included) and its growth during it.
 */

const ARTICLES = 1000;
const PER_ARTICLE = 10;

async function library(dir: string): Promise<string> {
  const paragraphs = SEED_TEXT.split('\n').filter((line) => line.length > 80);
  const files: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const file = path.join(dir, `article-${i}.txt`);
    const body = paragraphs
      .slice(0, 6)
      .map((_, k) => `${paragraphs[(k + i) % paragraphs.length]} (${i})`)
      .join('\n\n');
    await writeFile(file, `مقالة رقم ${i}\n\n${body}\n`);
    files.push(file);
  }
  const dataDir = path.join(dir, 'laptop');
  const service = await createService({ dataDir });
  await service.importFiles(files);
  for (const article of await service.listArticles({})) {
    const text = canonicalText((await service.openArticle({ id: article.id })).blocks);
    const highlights: Highlight[] = Array.from({ length: PER_ARTICLE }, (_, k) => {
      const at = 40 + k * 97;
      const created = new Date(Date.UTC(2025, 0, 1) + k * 1000).toISOString();
      return {
        id: `h${article.id.slice(0, 8)}${k}`,
        articleId: article.id,
        color: COLORS[k % COLORS.length] ?? 'yellow',
        target: describeTarget(text, at, at + 60),
        note: k % 2 === 0 ? `ملاحظة ${k} على المقطع، مع بعض التفصيل.` : '',
        tags: k % 3 === 0 ? ['ليبيا'] : [],
        createdAt: created,
        updatedAt: created,
      };
    });
    await writeFile(
      path.join(dataDir, 'annotations', `${article.id}.json`),
      JSON.stringify({ schemaVersion: 1, articleId: article.id, highlights }),
    );
  }
  return dataDir;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

export async function syncBench(): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-sync-'));
  const server = await startCouchServer();
  try {
    const laptopDir = await library(dir);
    const url = server.url('bench');
    const laptop = await createService({ dataDir: laptopDir });
    await laptop.configureSync({ url });
    const rssBefore = process.memoryUsage().rss;
    const [first, report] = await timed(() => laptop.syncNow({}));
    const rssAfter = process.memoryUsage().rss;

    const desktop = await createService({ dataDir: path.join(dir, 'desktop') });
    await desktop.configureSync({ url });
    const [pulled, received] = await timed(() => desktop.syncNow({}));

    // The first sync after receiving everything also checks, once, that what arrived need not be sent back.
    const [settle] = await timed(() => desktop.syncNow({}));
    await laptop.syncNow({});

    const [article] = await laptop.listArticles({});
    const opened = await laptop.openArticle({ id: article?.id ?? '' });
    const target = opened.highlights[0];
    await laptop.updateHighlight({ articleId: opened.id, id: target?.id ?? '', note: 'ملاحظة جديدة' });
    const [oneNote] = await timed(() => laptop.syncNow({}));
    const [oneNoteIn] = await timed(() => desktop.syncNow({}));
    const [nothing] = await timed(() => laptop.syncNow({}));
    return [
      row(
        `first sync: ${ARTICLES} articles, ${ARTICLES * PER_ARTICLE} highlights sent (${report.sent} docs)`,
        first,
        'ms',
      ),
      row(`first sync of a second folder: all received (${received.received} docs)`, pulled, 'ms'),
      row('next sync of the second folder (checks what it received, once)', settle, 'ms'),
      row('one note changed → next sync (sending)', oneNote, 'ms'),
      row('one note changed → next sync (receiving)', oneNoteIn, 'ms'),
      row('sync with nothing changed', nothing, 'ms'),
      row('resident memory after the first sync (server in process)', rssAfter / 1024 / 1024, 'MB'),
      row('resident memory growth during the first sync', (rssAfter - rssBefore) / 1024 / 1024, 'MB'),
    ];
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
