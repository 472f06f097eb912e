import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dispatch } from '../../main/api/dispatch';
import { METHODS } from '../../shared/methods';
import { createService, type Service } from '../../main/api/service';
import { assetForRequest, assetHeaders } from '../../main/app/asset-route';
import { rendererPolicy } from '../../main/app/csp';
import { mimeType, resolveStaticFile } from '../../main/app/static-files';

/**
 * The browser e2e rig (docs/ARCHITECTURE.md, "Layers"): the built renderer served on 127.0.0.1 under the app's CSP,
 * Debian's Chromium driven by playwright-core, and `window.hamish` bridged to the real service on a temp
 * data dir — the same contract, dispatch, service and files as in Electron; only the transport differs.
 */

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RENDERER_DIR = path.join(ROOT, 'out', 'renderer');
export const SEED = path.join(ROOT, 'data', 'article-ar.txt');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser e2e cannot run here, or null when it can. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) return 'renderer not built (npm run build)';
  return null;
}

/**
 * Serves the built renderer under the app's CSP, and, given the data folder, its pictures at
 * `/assets/<sha256>.<ext>` as the app:// handler does.
 */
export async function serveRenderer(dataDir?: string): Promise<{ server: Server; origin: string }> {
  const policy = rendererPolicy(RENDERER_DIR);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const picture = dataDir ? assetForRequest(dataDir, url.pathname) : null;
    if (picture) {
      readFile(picture).then(
        (body) => response.writeHead(200, assetHeaders(picture)).end(body),
        () => response.writeHead(404).end(),
      );
      return;
    }
    const file = resolveStaticFile(RENDERER_DIR, url.pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': mimeType(file),
            'content-security-policy': policy,
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'hamish-e2e-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * A service on `dataDir` as the app creates it: the default article imported on first use. `chooseFile`
 * stands in for the file dialog Electron shows in main.
 */
export function appService(dataDir: string, chooseFile?: () => Promise<string | null>): Promise<Service> {
  return createService({ dataDir, defaultArticles: [SEED], chooseFile });
}

/** Defines `window.hamish` in every page load, forwarding each contract method to the real service. */
export async function bridge(
  page: Page,
  service: Service,
  onCall?: (method: unknown, input: unknown) => void | Promise<void>,
): Promise<void> {
  // `onCall` may hold a call back: it is answered once what `onCall` returns has settled.
  await page.exposeBinding('__hamishCall', async (_source, method: unknown, input: unknown) => {
    await onCall?.(method, input);
    return dispatch(service, method, input);
  });
  await page.addInitScript((methods: readonly string[]) => {
    const call = (window as unknown as { __hamishCall: (m: string, i: unknown) => Promise<unknown> })
      .__hamishCall;
    const api = Object.fromEntries(
      methods.map((method) => [method, (input: unknown) => call(method, input)]),
    );
    Object.defineProperty(window, 'hamish', {
      value: Object.freeze(api),
      writable: false,
      configurable: false,
    });
  }, METHODS);
}

/** Records every request the page makes, so a test can assert none left 127.0.0.1. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Records, in `window.__violations`, every CSP violation the page meets from its start. */
export const recordViolations = (page: Page) =>
  page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { __violations: violations });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.sample}`),
    );
  });

/** The CSP violations `recordViolations` recorded. */
export const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/**
 * Records the faces of `family` that the page has asked for (`weight status`, each once, sorted) as they
 * are in the frame where `selector` first appears, laid out by then; `facesAtFrame` reads them.
 */
export const recordFacesAtFrame = (page: Page, selector: string, family: string) =>
  page.addInitScript(
    ([selector, family]) => {
      const seen = window as unknown as { __facesAtFrame?: string[] };
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          const faces = [...document.fonts].filter(
            (face) => face.family.replace(/["']/g, '') === family && face.status !== 'unloaded',
          );
          seen.__facesAtFrame = [...new Set(faces.map((face) => `${face.weight} ${face.status}`))].sort();
        });
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    [selector, family] as const,
  );

/** The faces `recordFacesAtFrame` recorded, once recorded. */
export const facesAtFrame = async (page: Page): Promise<string[]> => {
  const recorded = await page.waitForFunction(
    () => (window as unknown as { __facesAtFrame?: string[] }).__facesAtFrame,
  );
  return (await recorded.jsonValue()) ?? [];
};

export function isLocal(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

/** What every browser e2e suite starts with: the renderer served, Chromium, a new data dir and its service. */
export type Session = { server: Server; origin: string; browser: Browser; dataDir: string; service: Service };

export async function openSession(chooseFile?: () => Promise<string | null>): Promise<Session> {
  const dataDir = await tempDataDir();
  const { server, origin } = await serveRenderer(dataDir);
  const browser = await launchBrowser();
  const service = await appService(dataDir, chooseFile);
  return { server, origin, browser, dataDir, service };
}

/** Ends a session, whatever part of it was opened. */
export async function closeSession(session: Partial<Session>): Promise<void> {
  await session.browser?.close();
  session.server?.close();
  if (session.dataDir) await removeDir(session.dataDir);
}

/** The text painted by each registered CSS highlight, by name. */
export function painted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const result: Record<string, string[]> = {};
    (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).forEach((highlight, name) => {
      result[name] = [...highlight].map((r) => (r as Range).toString());
    });
    return result;
  });
}

/** Whether the interface's chunk (start-app) loads: held until the test releases it, never, or freely. */
export type InterfaceHold = 'never' | 'until-released' | 'no';

/** Holds the page's requests for files matching `pattern` until the function returned is called. */
export async function holdRequests(page: Page, pattern: string): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return () => release();
}

/** Settles once `count` of the page's requests whose address contains `part` have finished. */
function requestsFinished(page: Page, part: string, count: number): Promise<void> {
  let finished = 0;
  return new Promise((resolve) =>
    page.on('requestfinished', (request) => {
      if (request.url().includes(part) && ++finished === count) resolve();
    }),
  );
}

/**
 * Opens `url` and gives the faces of `family` in the frame where `selector` first appears (see
 * `recordFacesAtFrame`). `hold` is what is held back: the answer to `call` until the face's two files,
 * named `files…`, have come in, or those files, for good.
 */
export async function facesAtFirstFrame(
  browser: Browser,
  service: Service,
  url: string,
  { selector, family, files, call, hold }: FirstFrameFaces,
): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
  if (hold === 'answer') {
    const facesIn = requestsFinished(page, `/assets/${files}`, 2);
    await bridge(page, service, (method) => (method === call ? facesIn : undefined));
  } else {
    await bridge(page, service);
    await holdRequests(page, `**/assets/${files}*`);
  }
  await recordFacesAtFrame(page, selector, family);
  // Not waiting for the page's load, which waits for what is held back.
  await page.goto(url, { waitUntil: 'commit' });
  const faces = await facesAtFrame(page);
  await page.close();
  return faces;
}

export type FirstFrameFaces = {
  selector: string;
  family: string;
  files: string;
  call: string;
  hold: 'answer' | 'faces';
};

/** The interface's chunk (start-app), loaded by the entry once the first screen is painted. */
const INTERFACE_CHUNK = '**/assets/start-app-*.js';

/**
 * A page at `url` whose interface chunk loads only when `release` is called, or never: the first screen
 * drawn before React (docs/ARCHITECTURE.md, "Opening fast") alone, or until the test lets React in.
 */
export async function openWithInterfaceHeld(
  browser: Browser,
  service: Service,
  url: string,
  hold: InterfaceHold,
  { viewport = { width: 1280, height: 900 }, locale = 'ar' } = {},
): Promise<{ page: Page; release: () => void }> {
  const page = await browser.newPage({ viewport, locale });
  await bridge(page, service);
  let release = () => {};
  if (hold === 'never') await page.route(INTERFACE_CHUNK, (route) => route.abort());
  if (hold === 'until-released') release = await holdRequests(page, INTERFACE_CHUNK);
  await page.goto(url);
  return { page, release };
}

/**
 * Records, from the page's start, which of the drawn first screen (`first`) and React's page (`react`)
 * are in the page after each change; `handovers(page)` reads the list ('none', 'first', 'react', 'both').
 */
export async function recordHandover(page: Page, first: string, react: string): Promise<void> {
  await page.addInitScript(
    ({ first, react }) => {
      const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
      new MutationObserver(() => {
        const drawn = document.querySelector(first) !== null;
        const working = document.querySelector(react) !== null;
        const state = drawn && working ? 'both' : drawn ? 'first' : working ? 'react' : 'none';
        if (seen.at(-1) !== state) seen.push(state);
      }).observe(document, { childList: true, subtree: true });
    },
    { first, react },
  );
}

export const handovers = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);

/**
 * The place of each element `selector` matches, as [label, x, y, width, height] (rounded; the label is the
 * element's `data-block` as a number, or else its class), once the web fonts are in and the layout has
 * settled. The reader's blocks and the library's cards are `content-visibility: auto`: one drawn out of
 * the window keeps its placeholder size until a rendering update has found it near the window and laid it
 * out, so the places are read frame after frame until two readings agree. `inView` keeps only the
 * elements whose top is inside the window.
 */
export function settledPlaces(
  page: Page,
  selector: string,
  { inView = false } = {},
): Promise<(string | number)[][]> {
  return page.evaluate(
    async ({ selector, inView }) => {
      const read = () =>
        [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((element) => !inView || element.getBoundingClientRect().top < window.innerHeight)
          .map((element) => {
            const { x, y, width, height } = element.getBoundingClientRect();
            const label =
              element.dataset.block === undefined ? element.className : Number(element.dataset.block);
            return [label, Math.round(x), Math.round(y), Math.round(width), Math.round(height)];
          });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let last = '';
      for (let reading = 0; reading < 20; reading += 1) {
        await document.fonts.ready;
        await frame();
        await frame();
        const now = JSON.stringify(read());
        if (now === last) break;
        last = now;
      }
      return JSON.parse(last) as (string | number)[][];
    },
    { selector, inView },
  );
}
