import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { createService, type Service } from '../../main/api/service';
import type { ArticleSummary } from '../../shared/contract';
import { namedEntry } from '../../renderer/src/start-app-meta';
import { bridge, RENDERER_DIR } from '../e2e/harness';
import { generateBook } from './book-generate';
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
/**
 * The article's text on screen: Hamish draws its first screen as plain DOM in a `div.article` before React
 * has loaded (renderer/src/first-screen), then React's `<article>`; the minimal page draws an `<article>`.
 */
const TEXT = 'article p, .article p';
/** The reader ready to use: React's `<article>` (for the minimal page, the same as TEXT). */
const READER = 'article p';
const LIBRARY_SIZE = 500;
const VIEWPORT = { width: 1100, height: 800 };

type Kind = 'hamish' | 'minimal' | 'hamish-cdp-bridge';

/** What the page logs when it has recorded a paint, followed by the name of the list it recorded it in. */
const PAINT_SIGNAL = 'hamish-bench-painted:';

/**
 * Records, in `window.__paints`, the time of each frame in which a new element matching `selector` is
 * first on screen: a MutationObserver sees it enter the DOM, the next animation frame lays it out and
 * paints it, and the time is taken just after that. The first is announced on the console
 * (`PAINT_SIGNAL`), for `openPage` to wait on without running anything in the page.
 * A script string, as tsx's helpers around named inner functions do not exist in the page.
 */
function watchPaints(selector: string, paintsName = '__paints', framesName = '__frames'): string {
  return `{
    const paints = (window.${paintsName} = []);
    const frames = (window.${framesName} = []);
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
        channel.port1.onmessage = () => {
          paints.push(performance.now());
          if (paints.length === 1) console.debug(${JSON.stringify(PAINT_SIGNAL + paintsName)});
        };
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
    /** The paints of the working reader (READER), when the page watches for it. */
    __ready: number[];
    __readyFrames: number[];
  }
}

async function openPage(
  browser: Browser,
  service: Service,
  origin: string,
  kind: Kind,
  hash: string,
  selector: string,
  ready = selector,
): Promise<{ page: Page; painted: number; frame: number; ready: number; shown: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  if (kind === 'hamish') await httpBridge(page);
  if (kind === 'hamish-cdp-bridge') await bridge(page, service);
  await page.addInitScript({ content: watchPaints(selector) });
  await page.addInitScript({ content: watchPaints(ready, '__ready', '__readyFrames') });
  // Nothing of the harness runs in the page until both paints are recorded: Playwright's `waitForFunction`
  // first evaluates its own script there (about 15 ms of the page's thread here), and, called once the page
  // had loaded, that landed while Hamish drew its first screen (the load waits for the preloaded faces),
  // and often before the minimal page's answer came. Waited for that way, both figures grew, Hamish's more
  // (docs/ARCHITECTURE.md, "Opening fast", has the figures).
  const signals = ['__paints', '__ready'].map((name) =>
    page.waitForEvent('console', (message) => message.text() === PAINT_SIGNAL + name),
  );
  const bothPainted = Promise.all(signals);
  bothPainted.catch(() => undefined); // awaited below, after the navigation, which may fail first
  await page.goto(`${origin}/${kind === 'minimal' ? 'minimal' : 'index'}.html${hash}`, {
    waitUntil: 'commit',
  });
  await bothPainted;
  const [painted = NaN, frame = NaN, readyAt = NaN] = await page.evaluate(() => [
    window.__paints[0],
    window.__frames[0],
    window.__ready[0],
  ]);
  // The browser's own paint timing: when the first frame with text was shown (presented), which the mark
  // above, taken on the page's thread once the frame's work is done, precedes.
  const shown = await page
    .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, {
      timeout: 2000,
    })
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => NaN);
  return { page, painted, frame, ready: readyAt, shown };
}

type Timed = {
  /** Medians per kind, in the order of the kinds. */
  painted: number[];
  frame: number[];
  ready: number[];
  /** First contentful paint (the browser's paint timing), medians per kind. */
  shown: number[];
  /** The lowest and highest ratio of the first kind to the second over the runs (each run a pair). */
  spread: [number, number];
};

/**
 * Navigation → painted, `RUNS` times per kind (after one warm-up), the kinds taking turns. The minimal
 * page may be given its own hash (to show the same part of a book as Hamish's first screen).
 */
async function timeOpen(
  browser: Browser,
  service: Service,
  origin: string,
  kinds: readonly Kind[],
  hash: string,
  selector: string,
  options: { minimalHash?: string; ready?: string } = {},
): Promise<Timed> {
  const painted = kinds.map(() => [] as number[]);
  const frame = kinds.map(() => [] as number[]);
  const ready = kinds.map(() => [] as number[]);
  const shown = kinds.map(() => [] as number[]);
  for (let run = 0; run <= RUNS; run++) {
    for (const [k, kind] of kinds.entries()) {
      const at = kind === 'minimal' ? (options.minimalHash ?? hash) : hash;
      const opened = await openPage(browser, service, origin, kind, at, selector, options.ready);
      if (run > 0) painted[k]?.push(opened.painted);
      if (run > 0) frame[k]?.push(opened.frame);
      if (run > 0) ready[k]?.push(opened.ready);
      if (run > 0) shown[k]?.push(opened.shown);
      await opened.page.close();
    }
  }
  const ratios = (painted[0] ?? []).map((value, run) => value / (painted[1]?.[run] ?? NaN));
  return {
    painted: painted.map(median),
    frame: frame.map(median),
    ready: ready.map(median),
    shown: shown.map((values) => median(values.filter(Number.isFinite))),
    spread: [Math.min(...ratios), Math.max(...ratios)],
  };
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
      const { page } = await openPage(browser, service, origin, kind, `#/article/${from}`, READER);
      // Let the first article settle (the rest of a long one renders after its first screen).
      await page.waitForTimeout(300);
      const before = await page.evaluate(() => window.__paints.length);
      const started = await page.evaluate((hash) => {
        const now = performance.now();
        window.location.hash = hash;
        return now;
      }, `#/article/${to}`);
      await page.waitForFunction((count) => window.__paints.length > count, before);
      if (run > 0) times[k]?.push((await page.evaluate((i) => window.__paints[i] ?? NaN, before)) - started);
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
  const { page } = await openPage(browser, service, origin, kind, `#/article/${id}`, READER);
  await page.waitForFunction(
    (count) => (document.querySelector('article')?.children.length ?? 0) >= count,
    blocks,
    { timeout: 60_000 },
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return usedSize / 1024 / 1024;
}

function sideBySide(
  label: string,
  [hamish = NaN, minimal = NaN]: number[],
  unit = 'ms',
  spread?: [number, number],
): Row[] {
  const ratio = row(`  ratio Hamish / minimal`, hamish / minimal, '×', 1.5);
  if (spread) ratio.measure += ` (runs ${spread[0].toFixed(2)}–${spread[1].toFixed(2)})`;
  return [row(`${label}: Hamish`, hamish, unit), row(`  minimal page, same data`, minimal, unit), ratio];
}

/** The first chapter of a book: its blocks before the second entry of its contents. */
function firstChapterBlocks(view: { blocks: unknown[]; toc?: { block: number }[] }): number {
  return view.toc?.[1]?.block ?? view.blocks.length;
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

/**
 * A service on a new data folder in `dir`, the default article imported as at first start; and that article.
 */
async function withDefaultArticle(dir: string): Promise<{ service: Service; seed: ArticleSummary }> {
  const service = await createService({
    dataDir: path.join(dir, 'data'),
    defaultArticles: [path.join(ROOT, 'data', 'article-ar.txt')],
  });
  const [seed] = await service.listArticles({});
  if (!seed) throw new Error('the default article did not import');
  return { service, seed };
}

/** The library of `LIBRARY_SIZE` served at `origin`, opened side by side until its last card is painted. */
function timeLibrary(browser: Browser, library: Service, origin: string): Promise<Timed> {
  const lastCard = `li:nth-child(${LIBRARY_SIZE})`;
  return timeOpen(browser, library, origin, ['hamish', 'minimal'], '#/library', lastCard);
}

/** The side-by-side rows: default article, first screen of 1 MB, switching, the library, heap. */
export async function openBench(browser: Browser, big: string): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-open-'));
  const servers: { close: () => void }[] = [];
  try {
    await writeFile(path.join(dir, 'big.txt'), big);
    await writeFile(path.join(dir, 'long-read.txt'), generateArabicArticle(60 * 1024));
    const { service, seed } = await withDefaultArticle(dir);
    await writeFile(path.join(dir, 'book.epub'), generateBook(300_000, 60).book);
    const [bigOutcome, longOutcome, bookOutcome] = await service.importFiles([
      path.join(dir, 'big.txt'),
      path.join(dir, 'long-read.txt'),
      path.join(dir, 'book.epub'),
    ]);
    if (!bigOutcome?.ok || !longOutcome?.ok || !bookOutcome?.ok)
      throw new Error('bench articles did not import');
    const bigBlocks = (await service.openArticle({ id: bigOutcome.id })).blocks.length;
    const { server, origin } = await serveOpenBench(service);
    servers.push(server);

    const kinds: Kind[] = ['hamish', 'minimal', 'hamish-cdp-bridge'];
    const open = { ready: READER };
    const seedTimes = await timeOpen(browser, service, origin, kinds, `#/article/${seed.id}`, TEXT, open);
    const bigTimes = await timeOpen(
      browser,
      service,
      origin,
      kinds,
      `#/article/${bigOutcome.id}`,
      TEXT,
      open,
    );
    const chapter = firstChapterBlocks(await service.openArticle({ id: bookOutcome.id }));
    const bookTimes = await timeOpen(
      browser,
      service,
      origin,
      ['hamish', 'minimal'],
      `#/article/${bookOutcome.id}`,
      TEXT,
      { ...open, minimalHash: `#/article/${bookOutcome.id}/${chapter}` },
    );
    const switchTimes = await timeSwitch(browser, service, origin, seed.id, longOutcome.id);
    const heap = [
      await heapOfOpenArticle(browser, service, origin, 'hamish', bigOutcome.id, bigBlocks),
      await heapOfOpenArticle(browser, service, origin, 'minimal', bigOutcome.id, bigBlocks),
    ];

    const library = await libraryOf(dir, LIBRARY_SIZE);
    const shelf = await serveOpenBench(library);
    servers.push(shelf.server);
    const libraryTimes = await timeLibrary(browser, library, shelf.origin);

    const bridged = (value = NaN) =>
      row('  Hamish over the e2e bridge (exposeBinding), for reference', value, 'ms');
    // The minimal page lays out every block before its first paint; Hamish lays out the first screen.
    // The ratio at the frame's start (text in the DOM, layout not yet done) shows the rest of the cost.
    const atFrameStart = ({ frame: [hamish = NaN, minimal = NaN] }: { frame: number[] }) =>
      row('  ratio at the start of that frame (before its layout)', hamish / minimal, '×');
    // The text is drawn before React has loaded; this is when the reader that works replaces it.
    const readerReady = ({ ready: [hamish = NaN, minimal = NaN] }: Timed) =>
      row('  Hamish reader ready (React drew it) / minimal page', hamish / minimal, '×');
    // The same opening by the browser's first contentful paint: when that frame was shown.
    const shownRatio = ({ shown: [hamish = NaN, minimal = NaN] }: Timed) =>
      row('  ratio of the first contentful paints (the frame shown)', hamish / minimal, '×');
    return [
      ...sideBySide(
        'open the default article → first paragraph painted',
        seedTimes.painted,
        'ms',
        seedTimes.spread,
      ),
      atFrameStart(seedTimes),
      shownRatio(seedTimes),
      readerReady(seedTimes),
      bridged(seedTimes.painted[2]),
      ...sideBySide('open a 1 MB article → first screen painted', bigTimes.painted, 'ms', bigTimes.spread),
      atFrameStart(bigTimes),
      shownRatio(bigTimes),
      readerReady(bigTimes),
      bridged(bigTimes.painted[2]),
      ...sideBySide(
        `open a book of 300k words → first screen painted (minimal: its first chapter, ${chapter} blocks)`,
        bookTimes.painted,
        'ms',
        bookTimes.spread,
      ),
      shownRatio(bookTimes),
      readerReady(bookTimes),
      ...sideBySide('switch from the default article to a 60 KB one → painted', switchTimes),
      ...sideBySide(
        `library of ${LIBRARY_SIZE} articles → whole list painted`,
        libraryTimes.painted,
        'ms',
        libraryTimes.spread,
      ),
      shownRatio(libraryTimes),
      ...sideBySide('JS heap, 1 MB article open and fully rendered', heap, 'MB').slice(0, 2),
    ];
  } finally {
    for (const server of servers) server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A loop that keeps a core busy until the process that started it is gone (its parent then is another):
 * killed by the bench when done, it also ends if the bench itself is killed first.
 */
const BUSY_LOOP =
  'const parent = process.ppid; while (process.ppid === parent) for (let i = 0; i < 1e7; i++);';

/**
 * One busy loop per core, each a process of its own at the bench's priority: the machine as a slow minute
 * on a shared host leaves it, every core wanted by something else (docs/ARCHITECTURE.md, "Opening fast").
 */
function busyLoops(): ChildProcess[] {
  return Array.from({ length: os.availableParallelism() }, () =>
    spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }),
  );
}

/**
 * The default article and the library opened side by side as in `openBench`, while `busyLoops` keep every
 * core busy: whether Hamish's figure holds against the minimal page's when the machine is slow.
 */
export async function contendedOpenBench(browser: Browser): Promise<Row[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-contended-'));
  const servers: { close: () => void }[] = [];
  const loops: ChildProcess[] = [];
  try {
    const { service, seed } = await withDefaultArticle(dir);
    const library = await libraryOf(dir, LIBRARY_SIZE);
    const article = await serveOpenBench(service);
    const shelf = await serveOpenBench(library);
    servers.push(article.server, shelf.server);

    loops.push(...busyLoops());
    const seedTimes = await timeOpen(
      browser,
      service,
      article.origin,
      ['hamish', 'minimal'],
      `#/article/${seed.id}`,
      TEXT,
      { ready: READER },
    );
    const libraryTimes = await timeLibrary(browser, library, shelf.origin);
    const loaded = `${loops.length} busy loops`;
    return [
      ...sideBySide(
        `open the default article, ${loaded} → first paragraph painted`,
        seedTimes.painted,
        'ms',
        seedTimes.spread,
      ),
      ...sideBySide(
        `library of ${LIBRARY_SIZE} articles, ${loaded} → whole list painted`,
        libraryTimes.painted,
        'ms',
        libraryTimes.spread,
      ),
    ];
  } finally {
    for (const loop of loops) loop.kill();
    for (const server of servers) server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The JS the page loads at start: the entry, which the page's own script runs once the first screen is
 * painted (named by index.html in a meta tag), and with it the interface's chunks the entry loads, named
 * there too (see electron.vite.config.ts). The first screen's own script is inline, in the page.
 */
export async function firstScreenBundle(): Promise<Row[]> {
  const html = await readFile(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  const gzipped = async (files: string[]) => {
    let gz = 0;
    for (const file of files) gz += gzipSync(await readFile(path.join(RENDERER_DIR, file))).length;
    return gz / 1024;
  };
  const entry = namedEntry(html);
  if (!entry) throw new Error('open.ts: the built page names no entry');
  const all = [...html.matchAll(/\.\/(assets\/[^" ]+\.js)[" ]/g)].map((match) => match[1] ?? '');
  return [
    row('  of which the entry (run once the first screen is painted), gzip', await gzipped([entry]), 'KB'),
    row('  of which loaded at start (entry and React with the reader), gzip', await gzipped(all), 'KB'),
  ];
}
