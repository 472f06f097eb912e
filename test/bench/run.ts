import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { importPlainText } from '../../main/articles';
import { launchBrowser } from '../e2e/harness';
import { generateArabicArticle, ROOT, SEED_TEXT } from './generate';
import { highlightBench } from './highlights';
import { exportBench } from './export';
import { contendedOpenBench, firstScreenBundle, openBench } from './open';
import { importBench as importFilesBench } from './import';
import { bookBench, bookOpenBench } from './book';
import { picturesBench } from './pictures';
import { reviewBench } from './review';
import { saveLinkBench } from './save-link';
import { searchBench } from './search';
import { syncBench } from './sync';
import { printTable, row, timeMedian, type Row } from './table';

/**
 * `npm run bench`: the figures the issues ask for, measured where it runs, as a table.
 * `npm run bench -- open book` runs only the sections whose key is named (import, open, contended,
 * highlights, search, files, books, export, pictures, review, save-link, sync).
 */

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
  return [row('renderer JS bundle, gzip', gz / 1024, 'KB', 250), ...(await firstScreenBundle())];
}

const only = new Set(process.argv.slice(2));
/** Whether the section `key` runs: all of them when none is named on the command line. */
const wanted = (key: string) => only.size === 0 || only.has(key);

const big = generateArabicArticle(1024 * 1024);
if (wanted('import')) {
  printTable('Import (issue: the reader opens the default article)', [
    ...(await importBench(big)),
    ...(await bundleBench()),
  ]);
}

const browser = await launchBrowser();
try {
  if (wanted('open')) {
    printTable(
      'Open, side by side with a minimal page (same Chromium, same server)',
      await openBench(browser, big),
    );
  }
  if (wanted('contended')) {
    printTable(
      'Open under load: the same side by side, a busy loop on every core',
      await contendedOpenBench(browser),
    );
  }
  if (wanted('highlights')) {
    printTable('Highlights: re-anchoring, saving, painting', await highlightBench(browser));
  }
  if (wanted('search')) {
    printTable('Search: 500 articles (~20 MB), 10,000 highlights with notes', await searchBench());
  }
  if (wanted('files')) {
    printTable('Import files: time and peak memory (each in its own process)', importFilesBench());
  }
  if (wanted('books')) {
    printTable('Books: EPUB import (each in its own process) and opening', [
      ...bookBench(),
      ...(await bookOpenBench(browser)),
    ]);
  }
  if (wanted('export')) printTable('Export', await exportBench());
  if (wanted('pictures')) printTable('Pictures', await picturesBench());
  if (wanted('review')) {
    printTable(
      'Highlights view and daily review: 10,000 highlights, 500 articles',
      await reviewBench(browser),
    );
  }
  if (wanted('save-link')) printTable('Save from the web', await saveLinkBench(browser));
  if (wanted('sync')) {
    printTable('Sync through CouchDB (a local server): 1,000 articles, 10,000 highlights', await syncBench());
  }
} finally {
  await browser.close();
}
