import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describeTarget } from '../../main/annotations/anchor';
import { COLORS, type Highlight } from '../../shared/annotation-model';
import { canonicalText } from '../../shared/article-model';
import { createService } from '../../main/api/service';
import { bridge, serveRenderer } from '../e2e/harness';
import { SEED_TEXT } from './generate';
import { median, percentile, row, timeMedian, type Row } from './table';

/**
 * The highlights view and the daily review: 10,000 highlights across 500 articles (half with a note, made
 * over a year). Listing them all and building today's review set in main, then the view in Chromium: time
 * from navigation to the first row painted, and frame times while scrolling the whole list.
 */

const ARTICLES = 500;
const PER_ARTICLE = 20;
const DAY = 86_400_000;

export async function library(dir: string) {
  const files: string[] = [];
  const paragraphs = SEED_TEXT.split('\n').filter((line) => line.length > 80);
  for (let i = 0; i < ARTICLES; i++) {
    const file = path.join(dir, `article-${i}.txt`);
    // Each article its own: a numbered title and the seed's paragraphs rotated.
    const body = paragraphs.map((_, k) => `${paragraphs[(k + i) % paragraphs.length]} (${i})`).join('\n\n');
    await writeFile(file, `مقالة رقم ${i}\n\n${body}\n`);
    files.push(file);
  }
  const dataDir = path.join(dir, 'data');
  const service = await createService({ dataDir });
  await service.importFiles(files);
  const start = Date.UTC(2025, 0, 1);
  let n = 0;
  for (const article of await service.listArticles({})) {
    const text = canonicalText((await service.openArticle({ id: article.id })).blocks);
    const highlights: Highlight[] = Array.from({ length: PER_ARTICLE }, (_, k) => {
      const at = 40 + k * 97;
      const created = new Date(start + (n++ % 365) * DAY + k * 1000).toISOString();
      return {
        id: `h${article.id.slice(0, 8)}${k}`,
        articleId: article.id,
        color: COLORS[k % COLORS.length] ?? 'yellow',
        target: describeTarget(text, at, at + 60),
        note: k % 2 === 0 ? `ملاحظة **${k}** على المقطع، مع [رابط](https://example.org) وبعض التفصيل.` : '',
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

export async function reviewBench(browser: Browser): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-review-'));
  const { server, origin } = await serveRenderer();
  try {
    await mkdir(path.join(dir, 'data', 'annotations'), { recursive: true });
    const dataDir = await library(dir);
    const rows: Row[] = [];
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const fresh = await createService({ dataDir });
      const started = performance.now();
      const { highlights } = await fresh.listAllHighlights({});
      cold.push(performance.now() - started);
      if (highlights.length !== ARTICLES * PER_ARTICLE) throw new Error(`listed ${highlights.length}`);
    }
    const service = await createService({ dataDir });
    rows.push(row('list 10,000 highlights, 500 articles, first time (main)', median(cold), 'ms'));
    rows.push(
      row('  again (article texts cached)', await timeMedian(5, () => service.listAllHighlights({})), 'ms'),
    );
    rows.push(
      row(
        '  with a text query',
        await timeMedian(5, () => service.listAllHighlights({ query: 'ليبيا' })),
        'ms',
      ),
    );
    rows.push(
      row(
        "build today's review set of 10 (main)",
        await timeMedian(9, () => service.reviewSet({})),
        'ms',
        100,
      ),
    );

    const paints: number[] = [];
    const frames: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await bridge(page, service);
      await page.addInitScript({
        content: `new MutationObserver((_, observer) => {
          if (!document.querySelector('.highlight-row')) return;
          observer.disconnect();
          requestAnimationFrame(() => { window.__firstRow = performance.now(); });
        }).observe(document, { childList: true, subtree: true });`,
      });
      await page.goto(`${origin}/index.html#/highlights`);
      const firstRow = () => (window as unknown as { __firstRow?: number }).__firstRow;
      await page.waitForFunction(firstRow);
      paints.push(Number(await page.evaluate(firstRow)));
      // Scroll the list 300 px a frame, 150 frames, and keep each frame's duration.
      // A string, not a function: the bench runner's compiler would wrap named functions in a helper the
      // page does not have.
      const scrolled = (await page.evaluate(`new Promise((resolve) => {
        const viewport = document.querySelector('.windowed-viewport');
        const times = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          times.push(now - last);
          last = now;
          if (!viewport || times.length > 150) return resolve(times.slice(1));
          viewport.scrollTop += 300;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      })`)) as number[];
      frames.push(...scrolled);
      await page.close();
    }
    rows.push(
      row('highlights view: navigation → first row painted (Chromium)', median(paints.slice(1)), 'ms'),
    );
    rows.push(row('  scrolling 10,000 rows: frame time, median', median(frames), 'ms'));
    rows.push(row('  scrolling 10,000 rows: frame time, p95', percentile(frames, 95), 'ms', 50));
    return rows;
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
