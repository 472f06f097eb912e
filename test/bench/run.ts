import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { importPlainText } from '../../main/articles';
import { createService } from '../../main/api/service';
import { bridge, launchBrowser, serveRenderer } from '../e2e/harness';
import { generateArabicArticle, ROOT, SEED_TEXT } from './generate';
import { highlightBench } from './highlights';
import { exportBench } from './export';
import { importBench as importFilesBench } from './import';
import { picturesBench } from './pictures';
import { saveLinkBench } from './save-link';
import { searchBench } from './search';
import { median, printTable, row, timeMedian, type Row } from './table';

/** `npm run bench`: the figures the issues ask for, measured on this machine, as a table. */

const RUNS = 15;

async function importBench(big: string): Promise<Row[]> {
  return [
    row(
      'seed: text → blocks (node)',
      await timeMedian(RUNS, () => importPlainText(SEED_TEXT, 'seed.txt')),
      'ms',
    ),
    row(
      '1 MB article: text → blocks (node)',
      await timeMedian(RUNS, () => importPlainText(big, 'big.txt')),
      'ms',
    ),
  ];
}

async function paintBench(big: string): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-'));
  const bigFile = path.join(dir, 'big.txt');
  await writeFile(bigFile, big);
  const service = await createService({
    dataDir: path.join(dir, 'data'),
    defaultArticles: [path.join(ROOT, 'data', 'article-ar.txt')],
  });
  const [imported] = await service.importFiles([bigFile]);
  const [seed] = await service.listArticles({});
  const { server, origin } = await serveRenderer();
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (const [label, id, target] of [
      ['seed: navigation → article painted (Chromium)', seed?.id, undefined],
      ['1 MB: navigation → first screen painted (Chromium)', imported?.ok ? imported.id : undefined, 150],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
        await bridge(page, service);
        // The frame in which the article's first paragraph is first on screen: a MutationObserver sees it
        // enter the DOM, and the next animation frame is the one that paints it.
        await page.addInitScript({
          content: `new MutationObserver((_, observer) => {
            if (!document.querySelector('article p')) return;
            observer.disconnect();
            requestAnimationFrame(() => { window.__firstScreen = performance.now(); });
          }).observe(document, { childList: true, subtree: true });`,
        });
        await page.goto(`${origin}/index.html#/article/${id}`);
        const firstScreen = () => (window as unknown as { __firstScreen?: number }).__firstScreen;
        await page.waitForFunction(firstScreen);
        times.push(Number(await page.evaluate(firstScreen)));
        await page.close();
      }
      rows.push(row(label, median(times.slice(1)), 'ms', target));
    }
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

async function bundleBench(): Promise<Row[]> {
  const assets = path.join(ROOT, 'out', 'renderer', 'assets');
  let gz = 0;
  for (const file of await readdir(assets)) {
    if (file.endsWith('.js')) gz += gzipSync(await readFile(path.join(assets, file))).length;
  }
  return [row('renderer JS bundle, gzip', gz / 1024, 'KB', 250)];
}

const big = generateArabicArticle(1024 * 1024);
printTable('Import and open (issue: the reader opens the default article)', [
  ...(await importBench(big)),
  ...(await paintBench(big)),
  ...(await bundleBench()),
]);

const browser = await launchBrowser();
try {
  printTable('Highlights: re-anchoring, saving, painting', await highlightBench(browser));
  printTable('Search: 500 articles (~20 MB), 10,000 highlights with notes', await searchBench());
  printTable('Import files: time and peak memory (each in its own process)', importFilesBench());
  printTable('Export', await exportBench());
  printTable('Pictures', await picturesBench());
  printTable('Save from the web', await saveLinkBench());
} finally {
  await browser.close();
}
