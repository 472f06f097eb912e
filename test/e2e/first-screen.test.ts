import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import { blockStarts } from '../../shared/article-model';
import {
  bridge,
  browserUnavailable,
  closeSession,
  handovers,
  holdRequests,
  openSession,
  openWithInterfaceHeld,
  facesAtFrame,
  recordFacesAtFrame,
  recordHandover,
  recordRequests,
  recordViolations,
  facesAtFirstFrame,
  type FirstFrameFaces,
  RESULTS_DIR,
  settledPlaces,
  type InterfaceHold,
  violations,
} from './harness';

const unavailable = browserUnavailable();

/** The built entry's file (main.tsx's chunk), by its address. */
const ENTRY_FILE = /\/assets\/index-[\w-]+\.js$/;

/** The faces of `family` the page has asked for, once every face asked for is in: `weight status`. */
const facesAskedFor = (page: Page, family: string) =>
  page.evaluate(async (family) => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((face) => face.family.replace(/["']/g, '') === family && face.status !== 'unloaded')
      .map((face) => `${face.weight} ${face.status}`)
      .sort();
  }, family);

/** The built face files among `requests` whose names start with `prefix`, without their hashes. */
const faceFiles = (requests: string[], prefix: string) =>
  requests
    .filter((url) => url.includes(`/assets/${prefix}`))
    .map((url) => url.replace(/^.*\/assets\/(.*)-[\w-]{8}\.woff2$/, '$1'))
    .sort();

/**
 * An article's first screen is drawn as plain DOM before React has loaded (renderer/src/first-screen),
 * then React's reader takes its place. Here the interface's chunk is held back (or kept from loading) to
 * look at the first screen alone, and compared with the reader that replaces it.
 */
describe.skipIf(unavailable !== null)(
  `the first screen before the interface, in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;
    let articleId: string;

    beforeAll(async () => {
      ({ server, origin, browser, dataDir, service } = await openSession());
      articleId = (await service.listArticles({}))[0]?.id ?? '';
    });

    afterAll(async () => {
      await closeSession({ browser, server, dataDir });
    });

    /** The article, its interface chunk held (see `openWithInterfaceHeld`). */
    const openHeld = (
      hold: InterfaceHold,
      id = articleId,
      locale = 'ar',
      viewport = { width: 1280, height: 900 },
    ) =>
      openWithInterfaceHeld(browser, service, `${origin}/index.html#/article/${id}`, hold, {
        viewport,
        locale,
      });

    /** The pages whose first screen the page's script draws: address, the call it waits for, React's page. */
    const pagesWithFirstScreens = () =>
      [
        [`#/article/${articleId}`, 'openArticle', 'article h1'],
        ['#/library', 'listArticles', '.app:not([data-first-screen]) .library-list'],
      ] as const;

    /** The place of each drawn block (see `settledPlaces`). */
    const places = (page: Page, selector: string) => settledPlaces(page, `${selector} [data-block]`);

    // A window where the reader opens both panels, one with notes and the margin, and two with drawers
    // (with the margin, then without).
    it.each([
      { width: 1500, height: 900 },
      { width: 1280, height: 900 },
      { width: 900, height: 700 },
      { width: 700, height: 900 },
    ])(
      'draws the title and first blocks before the interface loads, where the reader then draws them, at $width px',
      async (viewport) => {
        const first = await openHeld('never', articleId, 'ar', viewport);
        await first.page.locator('[data-first-screen] .article h1').waitFor();
        const article = await service.openArticle({ id: articleId });
        await expect(first.page.locator('[data-first-screen] .article h1').textContent()).resolves.toBe(
          article.blocks[0]?.text,
        );
        const before = await places(first.page, '[data-first-screen] .article');
        expect(before.length).toBeGreaterThan(5);
        await first.page.screenshot({
          path: path.join(RESULTS_DIR, `first-screen-${viewport.width}x${viewport.height}-ar.png`),
        });
        await first.page.close();

        const reader = await openHeld('no', articleId, 'ar', viewport);
        await reader.page.locator('article h1').waitFor();
        const after = (await places(reader.page, 'article')).slice(0, before.length);
        expect(after).toEqual(before);
        await reader.page.close();
      },
    );

    it('lays out a vowelled article with lists, quotes and Latin words as the reader does, in an English interface', async () => {
      const file = path.join(dataDir, 'مشكول.md');
      await writeFile(
        file,
        [
          '# قَالَ الرَّاوِي',
          'كَانَ يَا مَا **كَانَ** فِي قَدِيمِ الزَّمَانِ، وقرأ كتاب *The Arabian Nights* في ليلة.',
          '> قِيلَ: الصَّبْرُ مِفْتَاحُ الفَرَجِ.',
          '1. أَوَّلًا\n2. ثَانِيًا\n   - فرع بالـ API',
          'فقرة أخيرة فيها [رابط](https://example.org) وكلمات كثيرة تملأ السطر حتى آخره.',
        ].join('\n\n'),
      );
      const [imported] = await service.importFiles([file]);
      const id = imported?.ok ? imported.id : '';
      const first = await openHeld('never', id, 'en');
      await first.page.locator('[data-first-screen] .article h1').waitFor();
      const before = await places(first.page, '[data-first-screen] .article');
      expect(before.length).toBeGreaterThan(5);
      await first.page.close();
      const reader = await openHeld('no', id, 'en');
      await reader.page.locator('article h1').waitFor();
      await reader.page.locator('.reader-tools button').waitFor();
      expect((await places(reader.page, 'article')).slice(0, before.length)).toEqual(before);
      await reader.page.close();
    });

    it('draws the article the app opens at start (the one read last) before the interface loads, and names it in the address', async () => {
      const file = path.join(dataDir, 'قرئت-أخيرا.md');
      await writeFile(file, '# المقالة التي قرئت أخيرًا\n\nفقرة أولى فيها كلمات تكفي لسطر كامل في القارئ.');
      const [imported] = await service.importFiles([file]);
      const id = imported?.ok ? imported.id : '';
      await service.saveProgress({ id, offset: 0, fraction: 0.1 });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
        await bridge(page, service);
        await page.route('**/assets/start-app-*.js', (route) => route.abort());
        await page.goto(`${origin}/index.html`);
        await page.locator('[data-first-screen] .article h1').waitFor();
        await expect(page.locator('[data-first-screen] .article h1').textContent()).resolves.toBe(
          'المقالة التي قرئت أخيرًا',
        );
        expect(new URL(page.url()).hash).toBe(`#/article/${id}`);
        await page.close();

        const reader = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
        await bridge(reader, service);
        await reader.goto(`${origin}/index.html`);
        await expect.poll(() => reader.locator('article h1').textContent()).toBe('المقالة التي قرئت أخيرًا');
        // The address was replaced, not pushed: Back does not return to an empty start. (A page opened on an
        // article's address has as many entries.)
        const direct = await browser.newPage();
        await bridge(direct, service);
        await direct.goto(`${origin}/index.html#/article/${id}`);
        await direct.locator('article h1').waitFor();
        expect(await reader.evaluate(() => window.history.length)).toBe(
          await direct.evaluate(() => window.history.length),
        );
        await direct.close();
        await reader.close();
      } finally {
        await service.trashArticle({ id });
      }
    });

    it("draws the article's text from the two reading-face files the first script preloads, and no other", async () => {
      // The seed's first screen has spaces, digits, colons, full stops and curly quotes among its Arabic: in
      // @fontsource's files those were the Latin file's, asked for only once the first frame was laid out
      // (renderer/src/faces/ merges the two; docs/ARCHITECTURE.md, "Opening fast").
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      const requests = recordRequests(page);
      await bridge(page, service);
      await page.route('**/assets/start-app-*.js', (route) => route.abort());
      await page.goto(`${origin}/index.html#/article/${articleId}`);
      await page.locator('[data-first-screen] .article p').first().waitFor();
      const text = await page.locator('[data-first-screen] .article').textContent();
      expect(text).toMatch(/[0-9]/);
      expect(text).toMatch(/[“”]/);
      expect(await facesAskedFor(page, 'Noto Naskh Arabic')).toEqual(['400 loaded', '700 loaded']);
      expect(faceFiles(requests, 'noto-naskh-arabic-')).toEqual([
        'noto-naskh-arabic-arabic-latin-400-normal',
        'noto-naskh-arabic-arabic-latin-700-normal',
      ]);
      await page.close();
    });

    it("fetches each of the interface face's two files once, and React draws its labels in that face", async () => {
      // Asked for with a preload link once the first screen was painted, the face came in after the page's
      // load, when the browser lets go of unused preloads; the faces' own requests then fetched both files
      // again. Loaded through the page's font faces (early-calls.ts), each file is fetched once.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      const requests = recordRequests(page);
      await bridge(page, service);
      await page.goto(`${origin}/index.html#/article/${articleId}`);
      await page.locator('article p').first().waitFor();
      expect(await facesAskedFor(page, 'Noto Sans Arabic')).toEqual(['400 loaded', '700 loaded']);
      await page.waitForTimeout(300);
      expect(faceFiles(requests, 'noto-sans-arabic-')).toEqual([
        'noto-sans-arabic-arabic-latin-400-normal',
        'noto-sans-arabic-arabic-latin-700-normal',
      ]);
      await page.close();
    });

    it("is drawn without the interface's face, and its text stays put as React's reader and that face come", async () => {
      // The first screen's words are all in the reading face; its frame's blank controls hold no text
      // (first-screen/frame.ts). The interface's face, asked for once the screen is painted, is waited for
      // a short while by React (start-app.tsx), then React draws without it: held back here, it comes after
      // React's reader. The lines of the interface are as tall in any face (--ui-leading, styles.css), so
      // the article's text must not move when it comes.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      await bridge(page, service);
      const releaseApp = await holdRequests(page, '**/assets/start-app-*.js');
      const releaseFace = await holdRequests(page, '**/assets/noto-sans-arabic-*');
      await page.addInitScript(() => {
        // Each layout shift, by whether a node that moved is in the article's text.
        const shifts: string[] = ((window as unknown as { __shifts: string[] }).__shifts = []);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const sources = (entry as unknown as { sources: { node: Node | null }[] }).sources;
            const inText = sources.some((source) => {
              const node = source.node;
              const element = node instanceof Element ? node : (node?.parentElement ?? null);
              return element !== null && element.closest('article, .article') !== null;
            });
            shifts.push(inText ? 'text' : 'interface');
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      // The interface face's state in the first screen's frame: the entry asks for the face only once that
      // frame is painted.
      await recordFacesAtFrame(page, '[data-first-screen] .article p', 'Noto Sans Arabic');
      // Not waiting for the page's load, which waits for what is held back.
      await page.goto(`${origin}/index.html#/article/${articleId}`, { waitUntil: 'commit' });
      const painted = () =>
        page.evaluate(
          () =>
            new Promise<void>((resolve) =>
              requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
            ),
        );
      const interfaceFace = () =>
        page.evaluate(() =>
          [...document.fonts]
            .filter((face) => face.family.replace(/["']/g, '') === 'Noto Sans Arabic')
            .map((face) => face.status),
        );
      const drawn = page.locator('[data-first-screen] .article p').first();
      await drawn.waitFor();
      await painted();
      const before = await drawn.boundingBox();
      expect(await facesAtFrame(page)).toEqual([]);
      // Asked for once painted, and held back here.
      expect(await interfaceFace()).not.toContain('loaded');

      releaseApp();
      const reader = page.locator('article p').first();
      await reader.waitFor();
      await painted();
      expect(await reader.boundingBox()).toEqual(before);

      releaseFace();
      await expect.poll(interfaceFace).toContain('loaded');
      await painted();
      expect(await reader.boundingBox()).toEqual(before);
      await expect(
        page.evaluate(() =>
          (window as unknown as { __shifts: string[] }).__shifts.filter((s) => s === 'text'),
        ),
      ).resolves.toEqual([]);
      await page.close();
    });

    it('is replaced by the reader in one step: the two are never in the page together', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      await bridge(page, service);
      await recordHandover(page, '[data-first-screen]', 'article.article');
      await page.goto(`${origin}/index.html#/article/${articleId}`);
      await page.locator('article h1').waitFor();
      await expect(handovers(page)).resolves.toEqual(['none', 'first', 'react']);
      await page.close();
    });

    it("asks main from the page's first script, allowed by the CSP, before the entry has arrived, and the entry asks nothing twice", async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      const events: string[] = [];
      let articleAsked = () => {};
      const asked = new Promise<void>((resolve) => (articleAsked = resolve));
      await bridge(page, service, (method) => {
        events.push(String(method));
        if (method === 'openArticle') articleAsked();
      });
      // The entry is served only once the article has been asked for (or after 5 s, for the test to fail
      // on the order rather than time out).
      await page.route('**/assets/index-*.js', async (route) => {
        await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 5000))]);
        events.push('entry served');
        await route.continue();
      });
      await recordViolations(page);
      await page.goto(`${origin}/index.html#/article/${articleId}`);
      await page.locator('article h1').waitFor();
      expect(events.slice(0, 3)).toEqual(['getSettings', 'openArticle', 'entry served']);
      expect(events.filter((event) => event === 'openArticle')).toHaveLength(1);
      expect(events.filter((event) => event === 'getSettings')).toHaveLength(1);
      // The calls the script left, all taken over by the entry.
      const left = await page.evaluate(
        () => (window as unknown as { hamishEarlyCalls?: Map<string, unknown> }).hamishEarlyCalls?.size,
      );
      expect(left).toBe(0);
      await expect(violations(page)).resolves.toEqual([]);
      await page.close();
    });

    it("runs the entry only once the first screen is painted, an article's and the library's, and React then takes over", async () => {
      // The built page names its entry rather than loading it (electron.vite.config.ts): the page's own
      // script adds it once the first screen is painted (first-screen/in-page.ts). With main's answer
      // held, nothing is drawn and the entry is not asked for; once it comes, the entry is asked for after
      // the first screen is in the page.
      for (const [address, call, react] of pagesWithFirstScreens()) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
        let answer = () => {};
        const answered = new Promise<void>((resolve) => (answer = resolve));
        await bridge(page, service, (method) => (method === call ? answered : undefined));
        const entry: string[] = [];
        page.on('request', (request) => {
          if (ENTRY_FILE.test(request.url())) entry.push(request.url());
        });
        await page.addInitScript(() => {
          const seen = window as unknown as { __drawnAt?: number };
          new MutationObserver(() => {
            if (seen.__drawnAt === undefined && document.querySelector('[data-first-screen]'))
              seen.__drawnAt = performance.now();
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(`${origin}/index.html${address}`, { waitUntil: 'commit' });
        await page.waitForTimeout(300);
        expect(entry).toEqual([]);
        answer();
        await page.locator(react).waitFor();
        const times = await page.evaluate(
          (entryFile) => ({
            drawn: (window as unknown as { __drawnAt?: number }).__drawnAt ?? Infinity,
            asked:
              performance
                .getEntriesByType('resource')
                .find((resource) => new RegExp(entryFile).test(resource.name))?.startTime ?? -1,
          }),
          ENTRY_FILE.source,
        );
        expect(entry).toHaveLength(1);
        expect(times.asked).toBeGreaterThan(times.drawn);
        await page.close();
      }
    });

    it('gives the first screen up when main answers after a second, runs the entry then, and React shows what main sends', async () => {
      // Main's answer held for 1.5 s: past the first screen's wait (first-screen.ts), which then draws
      // nothing, and the page's script runs the entry all the same (in-page.ts); React asks for nothing
      // twice, and draws the article, or the library, once the answer comes.
      for (const [address, call, react] of pagesWithFirstScreens()) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
        const calls: string[] = [];
        await bridge(page, service, (method) => {
          calls.push(String(method));
          return method === call ? new Promise((resolve) => setTimeout(resolve, 1500)) : undefined;
        });
        await recordHandover(page, '[data-first-screen]', react);
        await page.goto(`${origin}/index.html${address}`);
        await page.locator(react).waitFor();
        await expect(handovers(page)).resolves.toEqual(['none', 'react']);
        expect(calls.filter((method) => method === call)).toHaveLength(1);
        await page.close();
      }
    });

    it("is drawn by the page's own script, allowed by the CSP, without the entry and the stylesheet's file", async () => {
      // The built page carries the reader's first screen and the stylesheet it is drawn with
      // (first-screen/in-page.ts, electron.vite.config.ts): with the entry never served, an article's and
      // the start's first screens are still drawn, and the stylesheet's file is never asked for.
      for (const address of [`#/article/${articleId}`, '']) {
        const page = await browser.newPage({ viewport: { width: 1500, height: 900 }, locale: 'ar' });
        const requests = recordRequests(page);
        await bridge(page, service);
        await page.route('**/assets/index-*.js', (route) => route.abort());
        await recordViolations(page);
        await page.goto(`${origin}/index.html${address}`);
        await page.locator('[data-first-screen] .article p').first().waitFor();
        expect(new URL(page.url()).hash).toMatch(/^#\/article\/[\w-]+$/);
        // Drawn in the stylesheet written into the page: the reading face, the frame's panels in place.
        const drawn = await page.evaluate(() => ({
          face: getComputedStyle(document.querySelector('[data-first-screen] .article p') ?? document.body)
            .fontFamily,
          layout: getComputedStyle(
            document.querySelector('[data-first-screen] .reader-layout') ?? document.body,
          ).display,
          panels: document.querySelectorAll('[data-first-screen] .toc, [data-first-screen] .notes-panel')
            .length,
        }));
        expect(drawn.face).toMatch(/^"?Noto Naskh Arabic/);
        expect(drawn.layout).toBe('flex');
        expect(drawn.panels).toBe(2);
        await expect(violations(page)).resolves.toEqual([]);
        expect(requests.filter((url) => /\/assets\/index-[\w-]+\.css$/.test(url))).toEqual([]);
        await page.close();
      }
    });

    it('waits a short while for its reading face: drawn in it once its files are in, and without it when they are held back', async () => {
      // The article's answer is held until both of the reading face's files have come in: the first screen
      // then waits for the face to load (first-screen.ts), rather than drawing in a fallback face that the
      // reading face would replace, moving the text.
      const faces = (hold: FirstFrameFaces['hold']) =>
        facesAtFirstFrame(browser, service, `${origin}/index.html#/article/${articleId}`, {
          selector: '[data-first-screen] .article p',
          family: 'Noto Naskh Arabic',
          files: 'noto-naskh-arabic-arabic-latin-',
          call: 'openArticle',
          hold,
        });
      expect(await faces('answer')).toEqual(['400 loaded', '700 loaded']);
      // Held back, the face is not waited for long: the first screen is drawn without it.
      expect(await faces('faces')).toEqual(['400 loading', '700 loading']);
    });

    it('opens at the saved reading position, and keeps the place the reader scrolled to meanwhile', async () => {
      const article = await service.openArticle({ id: articleId });
      const starts = blockStarts(article.blocks);
      await service.saveProgress({ id: articleId, offset: starts[6] ?? 0, fraction: 0.3 });
      try {
        const { page, release } = await openHeld('until-released');
        await page.locator('[data-first-screen] .article h1').waitFor({ state: 'attached' });
        const topBlock = (selector: string) =>
          page.evaluate((selector) => {
            const scroller = document.querySelector(`${selector} .reader-scroll`);
            const top = scroller?.getBoundingClientRect().top ?? 0;
            const blocks = [...document.querySelectorAll<HTMLElement>(`${selector} [data-block]`)];
            return Number(blocks.find((b) => b.getBoundingClientRect().bottom > top + 1)?.dataset.block);
          }, selector);
        await expect(topBlock('[data-first-screen]')).resolves.toBe(6);

        const firstScrollTop = () =>
          page.evaluate(() => document.querySelector('[data-first-screen] .reader-scroll')?.scrollTop ?? 0);
        const saved = await firstScrollTop();
        const box = await page.locator('[data-first-screen] .reader-scroll').boundingBox();
        await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
        await page.mouse.wheel(0, 300);
        await expect.poll(firstScrollTop).toBeGreaterThan(saved + 100);
        // Let a smooth scroll come to rest.
        await page.waitForTimeout(400);
        const scrolled = await firstScrollTop();
        release();
        await page.locator('article h1').waitFor({ state: 'attached' });
        await page.waitForTimeout(300);
        const kept = await page.evaluate(() => document.querySelector('.reader-scroll')?.scrollTop ?? 0);
        expect(Math.abs(kept - scrolled), `kept ${kept}, scrolled ${scrolled}, saved ${saved}`).toBeLessThan(
          3,
        );
        await page.close();
      } finally {
        await service.saveProgress({ id: articleId, offset: 0, fraction: 0 });
      }
    });
  },
);
