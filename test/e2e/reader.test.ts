import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import {
  bridge,
  browserUnavailable,
  closeSession,
  isLocal,
  openSession,
  recordRequests,
  RESULTS_DIR,
} from './harness';

const unavailable = browserUnavailable();
const HEADINGS = [
  'هزيمة تنظيم الدولة',
  'تنسيق مع الأمريكيين',
  'مقتل البغدادي بسوريا !',
  'تقلص عناصر داعش',
  'استمرار المراقبة',
];

describe.skipIf(unavailable !== null)(
  `the reader in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;
    let page: Page;
    let requests: string[];

    beforeAll(async () => {
      ({ server, origin, browser, dataDir, service } = await openSession());
      page = await browser.newPage({ viewport: { width: 1100, height: 800 }, locale: 'ar' });
      requests = recordRequests(page);
      await bridge(page, service);
      await page.goto(`${origin}/index.html`);
      await page.locator('article h1').waitFor();
    });

    afterAll(async () => {
      await closeSession({ browser, server, dataDir });
    });

    it('opens the default article with its title and five section headings', async () => {
      await expect(page.locator('article h1').textContent()).resolves.toBe(
        'الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا',
      );
      await expect(page.locator('article h2').allTextContents()).resolves.toEqual(HEADINGS);
      await expect(page.locator('article p').count()).resolves.toBe(7);
      await expect(page.locator('article').textContent()).resolves.not.toContain('مقالات ذات صلة');
    });

    it('lays the article out right to left, in Arabic', async () => {
      await expect(page.locator('article').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('article').getAttribute('lang')).resolves.toBe('ar');
      const direction = await page
        .locator('article p')
        .first()
        .evaluate((el) => getComputedStyle(el).direction);
      expect(direction).toBe('rtl');
    });

    it('sets the interface in Arabic for an Arabic system', async () => {
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    });

    it('renders the article in the bundled Noto Naskh Arabic font, loaded', async () => {
      const family = await page
        .locator('article p')
        .first()
        .evaluate((el) => getComputedStyle(el).fontFamily);
      expect(family.split(',')[0]?.replace(/["']/g, '').trim()).toBe('Noto Naskh Arabic');
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some(
          (face) => face.family.replace(/["']/g, '') === 'Noto Naskh Arabic' && face.status === 'loaded',
        );
      });
      expect(loaded).toBe(true);
      await expect(
        page.evaluate(() => document.fonts.check('20px "Noto Naskh Arabic"', 'بسم')),
      ).resolves.toBe(true);
    });

    it('makes no request outside 127.0.0.1', () => {
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => !isLocal(url, origin))).toEqual([]);
    });

    it('blocks a remote image, an inline script and an inline style (CSP)', async () => {
      const failures: string[] = [];
      page.on('requestfailed', (request) =>
        failures.push(`${request.url()} ${request.failure()?.errorText ?? ''}`),
      );
      const responses: string[] = [];
      page.on('response', (response) => responses.push(response.url()));
      const outcome = await page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          violations.push(event.violatedDirective),
        );
        const image = new Image();
        const loaded = new Promise<boolean>((resolve) => {
          image.onload = () => resolve(true);
          image.onerror = () => resolve(false);
        });
        image.src = 'https://example.org/pixel.png';
        document.body.append(image);
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.body.append(script);
        // The page's own stylesheet is allowed by its hash; a style added later is not.
        const style = document.createElement('style');
        style.textContent = 'body { outline: 7px solid red; }';
        document.head.append(style);
        const imageLoaded = await loaded;
        await new Promise((resolve) => setTimeout(resolve, 50));
        const styled = getComputedStyle(document.body).outlineWidth === '7px';
        image.remove();
        script.remove();
        style.remove();
        return {
          imageLoaded,
          inlineRan: 'inlineRan' in window || '__inlineRan' in window,
          styled,
          violations,
        };
      });
      expect(outcome.imageLoaded).toBe(false);
      expect(outcome.inlineRan).toBe(false);
      expect(outcome.styled).toBe(false);
      expect(outcome.violations).toEqual(
        expect.arrayContaining(['img-src', 'script-src-elem', 'style-src-elem']),
      );
      // Chromium reports the attempt, then fails it before anything leaves the machine.
      expect(failures).toEqual(['https://example.org/pixel.png csp']);
      expect(responses.filter((url) => url.includes('example.org'))).toEqual([]);
    });

    it('saves a screenshot of the reader, the size of the window and showing its text', async () => {
      await mkdir(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, 'reader-ar.png');
      await page.screenshot({ path: file });
      const png = await readFile(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1100, 800]); // IHDR width, height
      // Decoded by Chromium itself: a blank or failed page has no dark pixels, a page of text has many.
      const darkPixels = await page.evaluate(async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        if (!context) return -1;
        context.drawImage(bitmap, 0, 0);
        const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 3 * 96) dark++;
        }
        return dark;
      }, png.toString('base64'));
      expect(darkPixels).toBeGreaterThan(5000);
    });

    it('keeps the reading position across a reload', async () => {
      const scroller = page.locator('.reader-scroll');
      await scroller.evaluate((el) => el.scrollTo({ top: 700 }));
      await expect
        .poll(async () => (await service.listArticles({}))[0]?.progress?.offset ?? 0, { timeout: 5000 })
        .toBeGreaterThan(0);
      const offset = (await service.listArticles({}))[0]?.progress?.offset ?? 0;
      const blockBefore = await topBlock(page);
      await page.reload();
      await page.locator('article h1').waitFor();
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(600);
      const top = await scroller.evaluate((el) => el.scrollTop);
      expect(Math.abs(top - 700)).toBeLessThan(40);
      expect(await topBlock(page)).toBe(blockBefore);
      expect(offset).toBeGreaterThan(100);
    });
  },
);

/** Index of the block at the top edge of the reading area. */
function topBlock(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.reader-scroll');
    if (!scroller) return -1;
    const top = scroller.getBoundingClientRect().top;
    const blocks = [...document.querySelectorAll<HTMLElement>('[data-block]')];
    return Number(blocks.find((b) => b.getBoundingClientRect().bottom > top + 1)?.dataset.block ?? -1);
  });
}
