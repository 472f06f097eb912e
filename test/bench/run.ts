import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { importPlainText } from '../../main/articles';
import { launchBrowser } from '../e2e/harness';
import { generateArabicArticle, ROOT, SEED_TEXT } from './generate';
import { highlightBench } from './highlights';
import { exportBench } from './export';
import { firstScreenBundle, openBench } from './open';
import { importBench as importFilesBench } from './import';
import { bookBench, bookOpenBench } from './book';
import { picturesBench } from './pictures';
import { reviewBench } from './review';
import { saveLinkBench } from './save-link';
import { searchBench } from './search';
import { syncBench } from './sync';
import { printTable, row, timeMedian, type Row } from './table';

/** `npm run bench`: the figures the issues ask for, measured where it runs, as a table. */

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

async function bundleBench(): Promise<Row[]> {
  const assets = path.join(ROOT, 'out', 'renderer', 'assets');
  let gz = 0;
  for (const file of await readdir(assets)) {
    if (file.endsWith('.js')) gz += gzipSync(await readFile(path.join(assets, file))).length;
  }
  return [row('renderer JS bundle, gzip', gz / 1024, 'KB', 250), await firstScreenBundle()];
}

const big = generateArabicArticle(1024 * 1024);
printTable('Import (issue: the reader opens the default article)', [
  ...(await importBench(big)),
  ...(await bundleBench()),
]);

const browser = await launchBrowser();
try {
  printTable(
    'Open, side by side with a minimal page (same Chromium, same server)',
    await openBench(browser, big),
  );
  printTable('Highlights: re-anchoring, saving, painting', await highlightBench(browser));
  printTable('Search: 500 articles (~20 MB), 10,000 highlights with notes', await searchBench());
  printTable('Import files: time and peak memory (each in its own process)', importFilesBench());
  printTable('Books: EPUB import (each in its own process) and opening', [
    ...bookBench(),
    ...(await bookOpenBench(browser)),
  ]);
  printTable('Export', await exportBench());
  printTable('Pictures', await picturesBench());
  printTable('Highlights view and daily review: 10,000 highlights, 500 articles', await reviewBench(browser));
  printTable('Save from the web', await saveLinkBench(browser));
  printTable('Sync through CouchDB (a local server): 1,000 articles, 10,000 highlights', await syncBench());
} finally {
  await browser.close();
}
