import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { createService, type Service } from '../../main/api/service';
import { bridge, RENDERER_DIR } from '../e2e/harness';
import { generateArabicArticle, ROOT } from './generate';
import { httpBridge, serveOpenBench } from './open-server';
import { median, row, type Row } from './table';

/**
 * Opening, side by side: Hamish and the minimal page (see minimal-page.ts) in the same Chromium, one
 * after the other for each run so both see the same load; from navigation to the frame that paints the
 * first paragraph (or the whole library list). Both get their data by `fetch` from the same server
 * (see open-server.ts for why not the e2e bridge); one row shows what that bridge would add.
 */

const RUNS = 8;
const LIBRARY_SIZE = 500;
const VIEWPORT = { width: 1100, height: 800 };

type Kind = 'hamish' | 'minimal' | 'hamish-cdp-bridge';

/**
 * Records, in `window.__paints`, the time of each frame in which a new element matching `selector` is
 * first on screen: a MutationObserver sees it enter the DOM, the next animation frame lays it out and
 * paints it, and the time is taken just after that.
 * A script string, as tsx's helpers around named inner functions do not exist in the page.
 */
function watchPaints(selector: string): string {
  return `{
    const paints = (window.__paints = []);
    const frames = (window.__frames = []);
    let seen = null;
    new MutationObserver(() => {
      const found = document.querySelector(${JSON.stringify(selector)});
      if (!found || found === seen) return;
      seen = found;
      // The animation frame runs before that frame's style, layout and paint; a message posted from it
      // is handled once they are done.
      requestAnimationFrame(() => {
        frames.push(performance.now());
        const channel = new MessageChannel();
        channel.port1.onmessage = () => paints.push(performance.now());
        channel.port2.postMessage(null);
      });
    }).observe(document, { childList: true, subtree: true });
  }`;
}

declare global {
  interface Window {
    __paints: number[];
    /** The start of those frames, before their layout (the measure the issue first used). */
    __frames: number[];
  }
}

async function openPage(
  browser: Browser,
  service: Service,
  origin: string,
  kind: Kind,
  hash: string,
  selector: string,
): Promise<{ page: Page; painted: number; frame: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  if (kind === 'hamish') await httpBridge(page);
  if (kind === 'hamish-cdp-bridge') await bridge(page, service);
  await page.addInitScript({ content: watchPaints(selector) });
  await page.goto(`${origin}/${kind === 'minimal' ? 'minimal' : 'index'}.html${hash}`);
  await page.waitForFunction(() => window.__paints.length > 0);
  const [painted = NaN, frame = NaN] = await page.evaluate(() => [window.__paints[0], window.__frames[0]]);
  return { page, painted, frame };
}

/** Navigation → painted, `RUNS` times per kind (after one warm-up), the kinds taking turns. */
async function timeOpen(
  browser: Browser,
  service: Service,
  origin: string,
  kinds: readonly Kind[],
  hash: string,
  selector: string,
): Promise<{ painted: number[]; frame: number[] }> {
  const painted = kinds.map(() => [] as number[]);
  const frame = kinds.map(() => [] as number[]);
  for (let run = 0; run <= RUNS; run++) {
    for (const [k, kind] of kinds.entries()) {
      const opened = await openPage(browser, service, origin, kind, hash, selector);
      if (run > 0) painted[k]?.push(opened.painted);
      if (run > 0) frame[k]?.push(opened.frame);
      await opened.page.close();
    }
  }
  return { painted: painted.map(median), frame: frame.map(median) };
}

/** From one open article to another by its link (the hash changes): time until the new one is painted. */
async function timeSwitch(
  browser: Browser,
  service: Service,
  origin: string,
  from: string,
  to: string,
): Promise<number[]> {
  const kinds: Kind[] = ['hamish', 'minimal'];
  const times = kinds.map(() => [] as number[]);
  for (let run = 0; run <= RUNS; run++) {
    for (const [k, kind] of kinds.entries()) {
      const { page } = await openPage(browser, service, origin, kind, `#/article/${from}`, 'article p');
      // Let the first article settle (the rest of a long one renders after its first screen).
      await page.waitForTimeout(300);
      const started = await page.evaluate((hash) => {
        const now = performance.now();
        window.location.hash = hash;
        return now;
      }, `#/article/${to}`);
      await page.waitForFunction(() => window.__paints.length > 1);
      if (run > 0) times[k]?.push((await page.evaluate(() => window.__paints[1] ?? NaN)) - started);
      await page.close();
    }
  }
  return times.map(median);
}

/** JS heap in use with the article fully rendered, after a garbage collection, in MB. */
async function heapOfOpenArticle(
  browser: Browser,
  service: Service,
  origin: string,
  kind: Kind,
  id: string,
  blocks: number,
): Promise<number> {
  const { page } = await openPage(browser, service, origin, kind, `#/article/${id}`, 'article p');
  await page.waitForFunction(
    (count) => (document.querySelector('article')?.children.length ?? 0) >= count,
    blocks,
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return usedSize / 1024 / 1024;
}

function sideBySide(label: string, [hamish = NaN, minimal = NaN]: number[], unit = 'ms'): Row[] {
  return [
    row(`${label}: Hamish`, hamish, unit),
    row(`  minimal page, same data`, minimal, unit),
    row(`  ratio Hamish / minimal`, hamish / minimal, '×', 1.5),
  ];
}

/** A library of `count` short articles, each its own file, imported as a user would. */
async function libraryOf(dir: string, count: number): Promise<Service> {
  const files = path.join(dir, 'files');
  await mkdir(files);
  const body = generateArabicArticle(3000);
  const paths: string[] = [];
  for (let i = 1; i <= count; i++) {
    const file = path.join(files, `article-${i}.txt`);
    await writeFile(file, `مقالة رقم ${i} في المكتبة\n\n${body}`);
    paths.push(file);
  }
  const service = await createService({ dataDir: path.join(dir, 'library-data') });
  await service.importFiles(paths);
  return service;
}

/** The side-by-side rows: default article, first screen of 1 MB, switching, the library, heap. */
export async function openBench(browser: Browser, big: string): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-open-'));
  const servers: { close: () => void }[] = [];
  try {
    await writeFile(path.join(dir, 'big.txt'), big);
    await writeFile(path.join(dir, 'long-read.txt'), generateArabicArticle(60 * 1024));
    const service = await createService({
      dataDir: path.join(dir, 'data'),
      defaultArticles: [path.join(ROOT, 'data', 'article-ar.txt')],
    });
    const [seed] = await service.listArticles({});
    const [bigOutcome, longOutcome] = await service.importFiles([
      path.join(dir, 'big.txt'),
      path.join(dir, 'long-read.txt'),
    ]);
    if (!seed || !bigOutcome?.ok || !longOutcome?.ok) throw new Error('bench articles did not import');
    const bigBlocks = (await service.openArticle({ id: bigOutcome.id })).blocks.length;
    const { server, origin } = await serveOpenBench(service);
    servers.push(server);

    const kinds: Kind[] = ['hamish', 'minimal', 'hamish-cdp-bridge'];
    const seedTimes = await timeOpen(browser, service, origin, kinds, `#/article/${seed.id}`, 'article p');
    const bigTimes = await timeOpen(
      browser,
      service,
      origin,
      kinds,
      `#/article/${bigOutcome.id}`,
      'article p',
    );
    const switchTimes = await timeSwitch(browser, service, origin, seed.id, longOutcome.id);
    const heap = [
      await heapOfOpenArticle(browser, service, origin, 'hamish', bigOutcome.id, bigBlocks),
      await heapOfOpenArticle(browser, service, origin, 'minimal', bigOutcome.id, bigBlocks),
    ];

    const library = await libraryOf(dir, LIBRARY_SIZE);
    const shelf = await serveOpenBench(library);
    servers.push(shelf.server);
    const libraryTimes = await timeOpen(
      browser,
      library,
      shelf.origin,
      ['hamish', 'minimal'],
      '#/library',
      `li:nth-child(${LIBRARY_SIZE})`,
    );

    const bridged = (value = NaN) =>
      row('  Hamish over the e2e bridge (exposeBinding), for reference', value, 'ms');
    // The minimal page lays out every block before its first paint; Hamish lays out the first screen.
    // The ratio at the frame's start (text in the DOM, layout not yet done) shows the rest of the cost.
    const atFrameStart = ({ frame: [hamish = NaN, minimal = NaN] }: { frame: number[] }) =>
      row('  ratio at the start of that frame (before its layout)', hamish / minimal, '×');
    return [
      ...sideBySide('open the default article → first paragraph painted', seedTimes.painted),
      atFrameStart(seedTimes),
      bridged(seedTimes.painted[2]),
      ...sideBySide('open a 1 MB article → first screen painted', bigTimes.painted),
      atFrameStart(bigTimes),
      bridged(bigTimes.painted[2]),
      ...sideBySide('switch from the default article to a 60 KB one → painted', switchTimes),
      ...sideBySide(`library of ${LIBRARY_SIZE} articles → whole list painted`, libraryTimes.painted),
      ...sideBySide('JS heap, 1 MB article open and fully rendered', heap, 'MB').slice(0, 2),
    ];
  } finally {
    for (const server of servers) server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The JS the page loads before its first screen: the scripts and module preloads index.html names. */
export async function firstScreenBundle(): Promise<Row> {
  const html = await readFile(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  let gz = 0;
  for (const file of files) gz += gzipSync(await readFile(path.join(RENDERER_DIR, file))).length;
  return row('  of which loaded before the first screen, gzip', gz / 1024, 'KB');
}
