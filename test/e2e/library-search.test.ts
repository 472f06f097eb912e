import { readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import { canonicalText } from '../../shared/article-model';
import {
  bridge,
  browserUnavailable,
  closeSession,
  isLocal,
  openSession,
  painted,
  recordRequests,
  RESULTS_DIR,
  ROOT,
} from './harness';

const unavailable = browserUnavailable();
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** Drops files on the library as a user would: a real drop event carrying File objects. */
async function dropFiles(page: Page, files: { name: string; base64: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    return transfer;
  }, files);
  const target = page.locator('.library-page');
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

async function fixture(name: string) {
  return { name, base64: (await readFile(path.join(FIXTURES, name))).toString('base64') };
}

describe.skipIf(unavailable !== null)(
  `library, search and export in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;
    let page: Page;
    let requests: string[];
    let seedId: string;

    beforeAll(async () => {
      ({ server, origin, browser, dataDir, service } = await openSession());
      seedId = (await service.listArticles({}))[0]?.id ?? '';
      page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      requests = recordRequests(page);
      await bridge(page, service);
      await page.goto(`${origin}/index.html#/library`);
      await page.locator('.library-page').waitFor();
    });

    afterAll(async () => {
      await closeSession({ browser, server, dataDir });
    });

    it("lets the pointer reach a card's own buttons, not only the card's open button over them", async () => {
      const card = page.locator('.library-item').first();
      await card.waitFor();
      const buttons = card.locator('.library-item-actions button');
      expect(await buttons.count()).toBeGreaterThanOrEqual(3);
      for (const viewport of [
        { width: 700, height: 900 },
        { width: 900, height: 700 },
        { width: 1280, height: 900 },
      ]) {
        await page.setViewportSize(viewport);
        for (const button of await buttons.all()) {
          const box = await button.boundingBox();
          if (!box) throw new Error('a card button is not shown');
          const hit = await page.evaluate(
            ([x, y]) => document.elementFromPoint(x ?? 0, y ?? 0)?.closest('button')?.outerHTML ?? '',
            [box.x + box.width / 2, box.y + box.height / 2],
          );
          expect({ viewport, hit }).toEqual({
            viewport,
            hit: await button.evaluate((element) => element.outerHTML),
          });
        }
      }
      // And a click on the pencil opens the rename form.
      await card.getByRole('button', { name: /^أعد التسمية: / }).click();
      await card.getByRole('textbox').waitFor();
      await card.getByRole('button', { name: 'ألغِ' }).click();
      // A click on the trash moves the article there (put back after, for the tests that follow).
      await card.getByRole('button', { name: /^انقل إلى سلة المحذوفات: / }).click();
      await expect.poll(async () => (await service.listArticles({})).length).toBe(0);
      await expect.poll(() => page.locator('.library-item').count()).toBe(0);
      await service.untrashArticle({ id: seedId });
      await page.reload();
      await page.locator('.library-page .library-item').first().waitFor();
    });

    it("shows the search and link fields' icons whole, beside the fields, at every width", async () => {
      // In the interface's face: a field's own width is measured in it.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      for (const viewport of [
        { width: 700, height: 900 },
        { width: 1100, height: 800 },
        { width: 1280, height: 900 },
      ]) {
        await page.setViewportSize(viewport);
        for (const field of await page.locator('.library-page .library-search').all()) {
          const [icon, input] = await Promise.all([
            field.locator('svg').boundingBox(),
            field.locator('input').boundingBox(),
          ]);
          if (!icon || !input) throw new Error('a library field or its icon is not shown');
          // Right to left: the icon stands at the field's right, whole (a field too wide squeezed it to
          // nothing) and clear of it.
          expect({ viewport, width: icon.width, clear: icon.x >= input.x + input.width }).toEqual({
            viewport,
            width: 16,
            clear: true,
          });
        }
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    it('imports two files dropped on the library and lists them', async () => {
      await dropFiles(page, [await fixture('essay-ar.md'), await fixture('news-page-ar.html')]);
      await expect.poll(async () => (await service.listArticles({})).length).toBe(3);
      await expect.poll(() => page.locator('.library-list > li').count()).toBe(3);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'library-imported-ar.png') });
    });

    it('filters the library by tag and opens an article', async () => {
      const essay = (await service.listArticles({})).find((a) => a.id !== seedId && a.title.length > 0);
      await service.setArticleNote({ id: essay?.id ?? '', tags: ['مقالات رأي'] });
      await page.reload();
      await page.locator('.library-page').waitFor();
      await page.getByRole('combobox', { name: 'تصفية حسب الوسم' }).selectOption('مقالات رأي');
      await expect.poll(() => page.locator('.library-list > li').count()).toBe(1);
      await page.locator('.library-list > li button.library-item-open').first().click();
      await page.locator('article h1').waitFor();
      expect(page.url()).toContain(`#/article/${essay?.id}`);
    });

    it('imports a hostile page without running its scripts, loading anything remote or navigating', async () => {
      await page.goto(`${origin}/index.html#/library`);
      await page.locator('.library-page').waitFor();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const before = requests.length;
      await dropFiles(page, [await fixture('hostile.html')]);
      await expect.poll(async () => (await service.listArticles({})).length).toBe(4);
      const hostile = (await service.listArticles({})).find((a) => a.title.includes('الخبز'));
      await page.goto(`${origin}/index.html#/article/${hostile?.id}`);
      await page.locator('article p').first().waitFor();
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(requests.slice(before).filter((url) => !isLocal(url, origin))).toEqual([]);
      expect(page.url().startsWith(origin)).toBe(true);
      await expect(
        page.locator('article script, article iframe, article object, article embed, article img').count(),
      ).resolves.toBe(0);
      const hrefs = await page
        .locator('article a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs.every((href) => /^https?:/.test(href ?? ''))).toBe(true);
    });

    it('finds a word typed without hamza in the article, painting and counting every match', async () => {
      await page.goto(`${origin}/index.html#/article/${seedId}`);
      await page.locator('article h1').waitFor();
      await page.keyboard.press('Control+f');
      await page.getByRole('searchbox', { name: 'ابحث في المقالة' }).fill('الافريكوم');
      const text = canonicalText((await service.openArticle({ id: seedId })).blocks);
      const expected = text.split('الأفريكوم').length - 1;
      expect(expected).toBeGreaterThan(1);
      await expect.poll(() => page.locator('.find-count').textContent()).toBe(`1 من ${expected}`);
      const paint = await painted(page);
      expect([...(paint['hamish-find'] ?? []), ...(paint['hamish-find-current'] ?? [])].sort()).toEqual(
        Array(expected).fill('الأفريكوم'),
      );
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.find-count').textContent()).toBe(`2 من ${expected}`);
      await page.keyboard.press('Escape');
      await expect(page.locator('.find-bar').count()).resolves.toBe(0);
    });

    it('searches everything and opens the right passage', async () => {
      await page.keyboard.press('Control+Shift+F');
      await page.getByRole('searchbox', { name: 'ابحث في كل شيء' }).fill('"كريس كارنس"');
      const hit = page.locator('.search-hit').first();
      await hit.waitFor();
      await expect(hit.locator('.search-match').textContent()).resolves.toBe('كريس كارنس');
      await hit.click();
      await page.locator('article h1').waitFor();
      expect(page.url()).toMatch(new RegExp(`#/article/${seedId}@\\d+-\\d+$`));
      await expect.poll(async () => (await painted(page))['hamish-flash']).toEqual(['كريس كارنس']);
      const inView = await page.evaluate(() => {
        const scroller = document.querySelector('.reader-scroll');
        const marks = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('hamish-flash');
        const range = marks ? ([...marks][0] as Range | undefined) : undefined;
        if (!scroller || !range) return false;
        const box = scroller.getBoundingClientRect();
        const rect = range.getBoundingClientRect();
        return rect.top >= box.top && rect.bottom <= box.bottom;
      });
      expect(inView).toBe(true);
    });

    it('exports an HTML page that shows every highlight and loads nothing when opened', async () => {
      const text = canonicalText((await service.openArticle({ id: seedId })).blocks);
      const quotes = ['دونالد ترامب', 'حاضنة اجتماعية', 'البنيان المرصوص'];
      for (const quote of quotes) {
        const start = text.indexOf(quote);
        await service.createHighlight({
          articleId: seedId,
          start,
          end: start + quote.length,
          color: 'green',
          note: 'ملاحظة <script>alert(1)</script>',
        });
      }
      const { text: html } = await service.exportNotes('html', { articleIds: [seedId] });
      const file = path.join(dataDir, 'export.html');
      await writeFile(file, html);
      const viewer = await browser.newPage();
      const seen: string[] = [];
      viewer.on('request', (request) => seen.push(request.url()));
      const dialogs: string[] = [];
      viewer.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await viewer.goto(`file://${file}`);
      const body = (await viewer.locator('body').textContent()) ?? '';
      for (const quote of quotes) expect(body).toContain(quote);
      expect(seen.filter((url) => !url.startsWith('file://'))).toEqual([]);
      expect(dialogs).toEqual([]);
      await viewer.screenshot({ path: path.join(RESULTS_DIR, 'export-html-ar.png'), fullPage: false });
      await viewer.close();
    });

    it('lists the backups and restores one from the interface', async () => {
      await service.ensureDailyBackup();
      await page.goto(`${origin}/index.html#/library`);
      await page.getByRole('button', { name: 'النسخ الاحتياطية' }).click();
      const items = page.locator('.backups .library-list > li');
      await expect.poll(() => items.count()).toBe(1);
      await expect(items.first().textContent()).resolves.toContain('تحقق منها');
      await items.first().getByRole('button', { name: 'استعد هذه النسخة' }).click();
      await expect.poll(() => page.locator('.backups [role=status]').textContent()).toContain('استُعيدت');
      await expect.poll(() => items.count()).toBe(2);
      const kinds = (await service.storeStatus({})).backups.map((b) => b.kind).sort();
      expect(kinds).toEqual(['daily', 'pre-restore']);
    });
  },
);
