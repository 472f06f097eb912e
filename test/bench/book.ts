import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createService, type Service } from '../../main/api/service';
import { canonicalText } from '../../main/articles';
import { bridge, serveRenderer } from '../e2e/harness';
import { generateBook } from './book-generate';
import { median, row, type Row } from './table';

/** Issue "Books": importing a generated book of ~300,000 words in 60 chapters, time and peak memory. */

const CHILD = path.join(import.meta.dirname, 'book-child.ts');
const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

type Sample = {
  ms: number;
  peakMB: number;
  baseMB: number;
  fileMB: number;
  chapterMB: number;
  words: number;
};

export function bookBench(): Row[] {
  const samples = [0, 1, 2].map(
    () => JSON.parse(execFileSync(TSX, [CHILD, '300000', '60'], { encoding: 'utf8' })) as Sample,
  );
  const first = samples[0];
  const label = first
    ? `import an EPUB of ${Math.round(first.words / 1000)}k words, 60 chapters (${first.chapterMB.toFixed(1)} MB of XHTML, ${first.fileMB.toFixed(1)} MB zipped)`
    : 'import an EPUB';
  return [
    row(`${label}: time`, median(samples.map((s) => s.ms)), 'ms', 2000),
    row(`${label}: peak memory of the process`, median(samples.map((s) => s.peakMB)), 'MB'),
  ];
}

/** Milliseconds from navigation to the frame that paints the article's first paragraph. */
async function firstScreen(browser: Browser, service: Service, origin: string, id: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await bridge(page, service);
  await page.addInitScript({
    content: `new MutationObserver((_, observer) => {
      if (!document.querySelector('article p')) return;
      observer.disconnect();
      requestAnimationFrame(() => { window.__firstScreen = performance.now(); });
    }).observe(document, { childList: true, subtree: true });`,
  });
  await page.goto(`${origin}/index.html#/article/${id}`);
  const painted = () => (window as unknown as { __firstScreen?: number }).__firstScreen;
  await page.waitForFunction(painted);
  const ms = Number(await page.evaluate(painted));
  await page.close();
  return ms;
}

/**
 * Opening the generated book against opening an article of the same text (a .txt of its canonical text):
 * a book should show its first screen as fast as an article of its size.
 */
export async function bookOpenBench(browser: Browser): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-book-open-'));
  const dataDir = path.join(dir, 'data');
  const { server, origin } = await serveRenderer(dataDir);
  try {
    const service = await createService({ dataDir });
    await writeFile(path.join(dir, 'long.epub'), generateBook(300_000, 60).book);
    const [book] = await service.importFiles([path.join(dir, 'long.epub')]);
    if (!book?.ok) throw new Error('the generated book was not imported');
    const text = canonicalText((await service.openArticle({ id: book.id })).blocks);
    await writeFile(path.join(dir, 'same-text.txt'), text);
    const [article] = await service.importFiles([path.join(dir, 'same-text.txt')]);
    if (!article?.ok) throw new Error('the article of the same text was not imported');
    // Taken in turns, so that the machine's load falls on both alike; the first of each is a warm-up.
    const bookTimes: number[] = [];
    const articleTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      bookTimes.push(await firstScreen(browser, service, origin, book.id));
      articleTimes.push(await firstScreen(browser, service, origin, article.id));
    }
    const bookMs = median(bookTimes.slice(1));
    const articleMs = median(articleTimes.slice(1));
    return [
      row('the same book: navigation → first screen painted (Chromium)', bookMs, 'ms'),
      row('an article of the same text: navigation → first screen painted', articleMs, 'ms'),
      row('book / article of the same size, first screen', bookMs / articleMs, '×', 1.2),
    ];
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
