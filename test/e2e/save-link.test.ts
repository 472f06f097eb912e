import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, startTestServer, type TestServer } from '../kits/web-server';
import {
  bridge,
  browserUnavailable,
  closeSession,
  isLocal,
  openSession,
  recordRequests,
  RESULTS_DIR,
  type Session,
} from './harness';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)(
  `saving a link in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let session: Session;
    let web: TestServer;
    let page: Page;
    let requests: string[];

    beforeAll(async () => {
      session = await openSession();
      web = await startTestServer();
      page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      requests = recordRequests(page);
      await bridge(page, session.service);
      await page.goto(`${session.origin}/index.html#/library`);
      await page.getByRole('textbox', { name: 'احفظ رابطًا (Ctrl+L)' }).waitFor();
    });

    afterAll(async () => {
      await web.close();
      await closeSession(session);
    });

    it('shows the save field in Arabic, focused by Ctrl+L', async () => {
      const field = page.getByRole('textbox', { name: 'احفظ رابطًا (Ctrl+L)' });
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+l');
      await expect.poll(() => field.evaluate((input) => input === document.activeElement)).toBe(true);
      await mkdir(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, 'save-link-ar.png') });
    });

    it('pastes a link, saves it, and opens the article with its picture', async () => {
      const field = page.getByRole('textbox', { name: 'احفظ رابطًا (Ctrl+L)' });
      await field.fill(web.url('/article'));
      await field.press('Enter');
      await expect
        .poll(() => page.locator('article h1').textContent(), { timeout: 20_000 })
        .toBe('الخط العربي');
      const image = page.locator('article figure img').first();
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(40);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'save-link-article-ar.png') });
      // The page fetched the picture from the data folder; only the app fetched the site.
      expect(requests.filter((url) => !isLocal(url, session.origin))).toEqual([]);
    });

    it('shows where the page came from and updates it from the web', async () => {
      const source = page.locator('.web-source');
      await expect.poll(() => source.textContent()).toContain('مجلة الخط · سارة الكاتبة');
      expect(await source.textContent()).toContain(web.url('/articles/khatt'));
      web.route('/article', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(articlePage('الخط العربي', 7, ['/img/photo.png']));
      });
      await source.getByRole('button', { name: 'حدّث من الويب' }).click();
      await expect.poll(() => page.locator('article p').count(), { timeout: 20_000 }).toBe(7);
    });

    it('edits the author of a saved page, kept in the library', async () => {
      const source = page.locator('.web-source');
      await source.getByRole('button', { name: 'عدّل البيانات' }).click();
      await source.getByRole('textbox', { name: 'الكاتب' }).fill('هند الكاتبة');
      await source.getByRole('button', { name: 'احفظ' }).click();
      await expect.poll(() => source.textContent()).toContain('هند الكاتبة');
      const withWeb = (await session.service.listArticles({})).find((a) => a.title === 'الخط العربي');
      expect((await session.service.openArticle({ id: withWeb?.id ?? '' })).source?.web?.author).toBe(
        'هند الكاتبة',
      );
    });

    it('saves a link dropped on the library', async () => {
      await page.goto(`${session.origin}/index.html#/library`);
      const list = page.locator('.library-page');
      await list.waitFor();
      const dataTransfer = await page.evaluateHandle((url) => {
        const transfer = new DataTransfer();
        transfer.setData('text/uri-list', `# dragged\r\n${url}`);
        return transfer;
      }, web.url('/gzip'));
      await list.dispatchEvent('drop', { dataTransfer });
      await expect
        .poll(() => page.locator('article h1').textContent(), { timeout: 20_000 })
        .toBe('صفحة مضغوطة');
    });

    it('saves a link dropped on the reader, through the library', async () => {
      web.route('/dropped-on-reader', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(articlePage('صفحة أُفلتت على القارئ', 3));
      });
      const [first] = await session.service.listArticles({});
      await page.goto(`${session.origin}/index.html#/article/${first?.id ?? ''}`);
      const reader = page.locator('article.article');
      await reader.waitFor();
      const dataTransfer = await page.evaluateHandle((url) => {
        const transfer = new DataTransfer();
        transfer.setData('text/uri-list', url);
        return transfer;
      }, web.url('/dropped-on-reader'));
      await reader.dispatchEvent('drop', { dataTransfer });
      await expect
        .poll(() => page.locator('article h1').textContent(), { timeout: 20_000 })
        .toBe('صفحة أُفلتت على القارئ');
    });

    it('lists saved pages with their site', async () => {
      await page.goto(`${session.origin}/index.html#/library`);
      const item = page
        .locator('.library-item')
        .filter({ has: page.locator('.library-item-title', { hasText: /^الخط العربي$/ }) });
      await expect.poll(() => item.locator('.library-item-meta').textContent()).toContain('مجلة الخط');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'save-link-library-ar.png') });
    });

    it('keeps a save that found no network waiting, and makes it when the network is back', async () => {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const { port } = probe.address() as AddressInfo;
      await new Promise((resolve) => probe.close(resolve));
      await page.goto(`${session.origin}/index.html#/library`);
      const field = page.getByRole('textbox', { name: 'احفظ رابطًا (Ctrl+L)' });
      await field.fill(`http://127.0.0.1:${port}/later`);
      await field.press('Enter');
      await page.getByRole('status').filter({ hasText: 'تنتظر الاتصال بالشبكة' }).waitFor();
      const later = createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(articlePage('وصل أخيرا', 2));
      });
      await new Promise<void>((resolve) => later.listen(port, '127.0.0.1', resolve));
      try {
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await expect
          .poll(() => page.locator('article h1').textContent(), { timeout: 20_000 })
          .toBe('وصل أخيرا');
      } finally {
        later.closeAllConnections();
        later.close();
      }
    });

    it('cancels a save with Esc and says so in Arabic', async () => {
      await page.goto(`${session.origin}/index.html#/library`);
      const field = page.getByRole('textbox', { name: 'احفظ رابطًا (Ctrl+L)' });
      await field.fill(web.url('/silent'));
      await field.press('Enter');
      await page.getByRole('status').filter({ hasText: 'جارٍ الحفظ' }).waitFor();
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.locator('.library-notices').textContent(), { timeout: 10_000 })
        .toContain('أُلغي الحفظ');
    });
  },
);
