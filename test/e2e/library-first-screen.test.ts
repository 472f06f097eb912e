import { mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import {
  bridge,
  browserUnavailable,
  closeSession,
  facesAtFirstFrame,
  type FirstFrameFaces,
  handovers,
  openSession,
  openWithInterfaceHeld,
  recordHandover,
  recordRequests,
  recordViolations,
  RESULTS_DIR,
  settledPlaces,
  violations,
  type InterfaceHold,
} from './harness';

const unavailable = browserUnavailable();

/** Articles in the library: more than get their actions in the first render (40), so both kinds show. */
const ARTICLES = 45;

/**
 * The library's first screen is drawn as plain DOM before React has loaded
 * (renderer/src/first-screen/library-screen.ts), then React's library takes its place. Here the
 * interface's chunk is held back (or kept from loading) to look at the first screen alone, and compared
 * with the library that replaces it.
 */
describe.skipIf(unavailable !== null)(
  `the library's first screen before the interface, in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;

    beforeAll(async () => {
      ({ server, origin, browser, dataDir, service } = await openSession());
      const files = path.join(dataDir, 'files');
      await mkdir(files);
      const paths: string[] = [];
      for (let n = 1; n <= ARTICLES; n++) {
        const file = path.join(files, `مقالة-${n}.txt`);
        const long =
          n % 4 === 0 ? ' وعنوان طويل يمتد على أكثر من سطر واحد في بطاقة المكتبة حين تضيق النافذة' : '';
        await writeFile(file, `مقالة رقم ${n}${long}\n\nفقرة أولى من المقالة رقم ${n} فيها كلمات تكفي لسطر.`);
        paths.push(file);
      }
      const outcomes = await service.importFiles(paths);
      const ids = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.id] : []));
      // Tags widen the tag filter, and an article read shows "continue where you left off".
      await service.setArticleNote({ id: ids[2] ?? '', tags: ['سياسة', 'تاريخ ليبيا الحديث'] });
      await service.saveProgress({ id: ids[5] ?? '', offset: 20, fraction: 0.4 });
    });

    afterAll(async () => {
      await closeSession({ browser, server, dataDir });
    });

    /** The library, its interface chunk held (see `openWithInterfaceHeld`). */
    const openHeld = (hold: InterfaceHold, viewport = { width: 1280, height: 900 }, locale = 'ar') =>
      openWithInterfaceHeld(browser, service, `${origin}/index.html#/library`, hold, { viewport, locale });

    /** The place of the page's header, "continue" and each card in view (see `settledPlaces`). */
    const places = (page: Page, selector: string) =>
      settledPlaces(
        page,
        `${selector} .library-header, ${selector} .continue, ${selector} .library-list > li`,
        { inView: true },
      );

    it.each([
      { width: 1280, height: 900 },
      { width: 900, height: 700 },
      { width: 700, height: 900 },
    ])(
      'draws the header and the cards before the interface loads, where the library then draws them, at $width px',
      async (viewport) => {
        const first = await openHeld('never', viewport);
        await first.page.locator('[data-first-screen] .library-list > li').first().waitFor();
        expect(await first.page.locator('[data-first-screen] .library-list > li').count()).toBe(ARTICLES + 1);
        const before = await places(first.page, '[data-first-screen]');
        await first.page.screenshot({
          path: path.join(RESULTS_DIR, `library-first-screen-${viewport.width}x${viewport.height}-ar.png`),
        });
        await first.page.close();

        const library = await openHeld('no', viewport);
        // React's library, its cards' buttons in.
        await library.page.locator('.app:not([data-first-screen]) .library-item-actions').first().waitFor();
        expect(await places(library.page, '.app')).toEqual(before);
        await library.page.close();
      },
    );

    it('draws it in English too, where React then draws it', async () => {
      const first = await openHeld('never', undefined, 'en');
      await first.page.locator('[data-first-screen] .library-list > li').first().waitFor();
      expect(await first.page.locator('[data-first-screen] h1').textContent()).toBe('Library');
      const before = await places(first.page, '[data-first-screen]');
      await first.page.close();
      const library = await openHeld('no', undefined, 'en');
      await library.page.locator('.app:not([data-first-screen]) .library-item-actions').first().waitFor();
      expect(await places(library.page, '.app')).toEqual(before);
      await library.page.close();
    });

    it('is replaced by the library in one step: the two are never in the page together', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      await bridge(page, service);
      await recordHandover(
        page,
        '[data-first-screen] .library-list',
        '.app:not([data-first-screen]) .library-list',
      );
      await page.goto(`${origin}/index.html#/library`);
      await page.locator('.app:not([data-first-screen]) .library-list').waitFor();
      await expect(handovers(page)).resolves.toEqual(['none', 'first', 'react']);
      await page.close();
    });

    it("is drawn by the page's own script, allowed by the CSP, without the entry and the stylesheet's file, from the list it asked for once", async () => {
      // The built page carries the library's first screen with the messages it draws
      // (first-screen/in-page.ts, library-messages.ts, electron.vite.config.ts).
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      const requests = recordRequests(page);
      const calls: string[] = [];
      await bridge(page, service, (method) => void calls.push(String(method)));
      await page.route('**/assets/index-*.js', (route) => route.abort());
      await recordViolations(page);
      await page.goto(`${origin}/index.html#/library`);
      const cards = page.locator('[data-first-screen] .library-list > li');
      await cards.first().waitFor();
      expect(await cards.count()).toBe(ARTICLES + 1);
      expect(await page.locator('[data-first-screen] h1').textContent()).toBe('المكتبة');
      // Its words are messages, not their keys.
      expect(await page.locator('[data-first-screen]').textContent()).not.toMatch(/\b(library|web|panel)\./);
      const face = await cards
        .first()
        .locator('.library-item-title')
        .evaluate((title) => getComputedStyle(title).fontFamily);
      expect(face).toMatch(/^"?Noto Sans Arabic/);
      expect(await violations(page)).toEqual([]);
      expect(requests.filter((url) => /\/assets\/index-[\w-]+\.css$/.test(url))).toEqual([]);
      expect(calls.filter((method) => method === 'listArticles')).toHaveLength(1);
      await page.close();
    });

    it("waits a short while for the interface's face: drawn in it once its files are in, and without it when they are held back", async () => {
      // The list's answer is held until both of the face's files have come in: the first screen then
      // waits for the face to load (first-screen.ts), rather than drawing in a fallback face that the
      // interface's would replace, moving the cards' words.
      const faces = (hold: FirstFrameFaces['hold']) =>
        facesAtFirstFrame(browser, service, `${origin}/index.html#/library`, {
          selector: '[data-first-screen] .library-list > li',
          family: 'Noto Sans Arabic',
          files: 'noto-sans-arabic-arabic-latin-',
          call: 'listArticles',
          hold,
        });
      expect(await faces('answer')).toEqual(['400 loaded', '700 loaded']);
      // Held back, the face is not waited for long: the first screen is drawn without it.
      expect(await faces('faces')).toEqual(['400 loading', '700 loading']);
    });

    it('keeps a card clicked before the interface has loaded, and opens that article once it has', async () => {
      const { page, release } = await openHeld('until-released');
      const card = page.locator('[data-first-screen] .library-list > li').nth(3);
      const title = await card.locator('.library-item-title').textContent();
      await card.click();
      release();
      await expect.poll(() => page.locator('article h1').textContent()).toBe(title);
      await page.close();
    });

    it('keeps the place of a reader who scrolled it before the interface loaded', async () => {
      const { page, release } = await openHeld('until-released', { width: 1280, height: 700 });
      await page.locator('[data-first-screen] .library-list > li').first().waitFor();
      const box = await page.locator('[data-first-screen] .library').boundingBox();
      await page.mouse.move((box?.x ?? 0) + 300, (box?.y ?? 0) + 300);
      await page.mouse.wheel(0, 800);
      const scrollTop = () => page.evaluate(() => document.querySelector('.library')?.scrollTop ?? 0);
      await expect.poll(scrollTop).toBeGreaterThan(500);
      await page.waitForTimeout(300);
      const scrolled = await scrollTop();
      release();
      await page.locator('.app:not([data-first-screen]) .library-list').waitFor();
      expect(Math.abs((await scrollTop()) - scrolled)).toBeLessThan(3);
      await page.close();
    });
  },
);
