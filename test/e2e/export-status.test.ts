import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../main/api/service';
import {
  bridge,
  browserUnavailable,
  closeSession,
  launchBrowser,
  RESULTS_DIR,
  SEED,
  serveRenderer,
  tempDataDir,
  type Session,
} from './harness';

const unavailable = browserUnavailable();

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return box;
}

describe.skipIf(unavailable !== null)(
  `export from the Arabic library in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let session: Partial<Session>;
    let browser: Browser;
    let service: Service;
    let origin: string;
    let page: Page;
    let outside: string;
    let target: string;

    beforeAll(async () => {
      // A long path in a folder with an Arabic name, outside the data folder, as a save dialog returns it.
      outside = await mkdtemp(path.join(os.tmpdir(), 'hamish-e2e-export-'));
      const folder = path.join(outside, 'مجلد التصدير', 'notes-from-the-library-of-a-careful-reader');
      await mkdir(folder, { recursive: true });
      target = path.join(folder, 'hamish-notes.html');
      // The save dialog main shows, answered with that path.
      const dataDir = await tempDataDir();
      const served = await serveRenderer(dataDir);
      const { server } = served;
      origin = served.origin;
      browser = await launchBrowser();
      session = { server, origin, browser, dataDir };
      service = await createService({ dataDir, defaultArticles: [SEED], chooseSaveFile: async () => target });
      const [seed] = await service.listArticles({});
      await service.createHighlight({
        articleId: seed?.id ?? '',
        start: 10,
        end: 30,
        color: 'yellow',
        note: '**مهم:** راجع [المصدر](https://example.com/a) و`AFRICOM`',
      });
      const empty = path.join(outside, 'empty.txt');
      await writeFile(empty, 'مقال بلا ملاحظات\n\nفقرة أولى من مقال لم يعلق عليه أحد بعد.\n');
      await service.importFiles([empty]);
      page = await browser.newPage({ viewport: { width: 900, height: 700 }, locale: 'ar' });
      await bridge(page, service);
      await page.goto(`${origin}/index.html#/library`);
      await page.locator('.library-page .library-item').nth(1).waitFor();
    });

    afterAll(async () => {
      await closeSession(session);
      await rm(outside, { recursive: true, force: true });
    });

    it('offers the formats in Arabic, and an option for every article', async () => {
      await page.getByRole('button', { name: 'صدّر كل الملاحظات' }).click();
      const items = await page.getByRole('menuitem').allTextContents();
      expect(items).toEqual([
        'ملف Markdown (لـ Obsidian)',
        'ملف JSON (تعليقات W3C)',
        'جدول CSV (لـ Readwise)',
        'صفحة HTML',
      ]);
      await expect.poll(() => page.getByRole('menuitemcheckbox').isChecked()).toBe(false);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'export-menu-ar.png') });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'صدّر كل الملاحظات' }).click();
      await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    });

    it("opens a card's and the notes panel's export menu inside the window, whichever edge is near", async () => {
      const inside = async () => {
        const box = await boxOf(page, '.export-options');
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(900);
        await page.keyboard.press('Escape');
      };
      await page.locator('.library-item .export-menu > button').first().click();
      await page.getByRole('menuitem').first().focus();
      await inside();
      const seedId = (await service.listArticles({})).find((a) => a.highlights > 0)?.id ?? '';
      await page.goto(`${origin}/index.html#/article/${seedId}`);
      // At 900 px the notes panel is a drawer, closed at first: opened from the top bar, as a reader does.
      await page.getByRole('button', { name: 'الملاحظات', exact: true }).click();
      const drawer = page.getByRole('dialog', { name: 'الملاحظات' });
      await drawer.getByRole('button', { name: 'صدّر…', exact: true }).click();
      await page.getByRole('menuitem').first().focus();
      await inside();
      await page.goto(`${origin}/index.html#/library`);
      await page.locator('.library-page .library-item').nth(1).waitFor();
    });

    it('says where the export went with the path isolated, without moving anything on the page', async () => {
      const before = {
        restore: await boxOf(page, '.library-tools > button'),
        exportAll: await boxOf(page, '.library-tools .export-menu > button'),
        card: await boxOf(page, '.library-item'),
      };
      await page.getByRole('button', { name: 'صدّر كل الملاحظات' }).click();
      await page.getByRole('menuitem', { name: 'صفحة HTML' }).click();
      const pathElement = page.locator('.export-status .export-path');
      await pathElement.waitFor();

      // The path reads left to right inside the Arabic sentence: its first character is left of its last.
      expect(await pathElement.getAttribute('dir')).toBe('ltr');
      expect(await pathElement.textContent()).toBe(target);
      const ends = await pathElement.evaluate((element) => {
        const text = element.firstChild as Text;
        const rect = (from: number) => {
          const range = document.createRange();
          range.setStart(text, from);
          range.setEnd(text, from + 1);
          return range.getBoundingClientRect();
        };
        const first = rect(0);
        const last = rect(text.length - 1);
        return { firstLeft: first.left, lastLeft: last.left, sameLine: Math.abs(first.top - last.top) < 2 };
      });
      if (ends.sameLine) expect(ends.firstLeft).toBeLessThan(ends.lastLeft);
      const sentence = await page
        .locator('.export-status-text')
        .evaluate((element) => getComputedStyle(element).direction);
      expect(sentence).toBe('rtl');

      // Nothing around the menu moved, and the status box stays inside the window.
      const after = {
        restore: await boxOf(page, '.library-tools > button'),
        exportAll: await boxOf(page, '.library-tools .export-menu > button'),
        card: await boxOf(page, '.library-item'),
      };
      expect(after).toEqual(before);
      const status = await boxOf(page, '.export-status:visible');
      expect(status.x).toBeGreaterThanOrEqual(0);
      expect(status.x + status.width).toBeLessThanOrEqual(900);
      expect(status.y + status.height).toBeLessThanOrEqual(700);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'export-status-ar.png') });

      await page.getByRole('button', { name: 'إخفاء رسالة التصدير' }).click();
      await expect.poll(() => page.locator('.export-status:visible').count()).toBe(0);
    });

    it('wrote only the annotated article, its note formatted and its labels in Arabic', async () => {
      const html = await readFile(target, 'utf8');
      expect(html).toContain('<h2>المقتطفات</h2>');
      expect(html).toContain('<span dir="auto">اللون: الأصفر</span>');
      expect(html).toContain('<strong>مهم:</strong>');
      expect(html).toContain('<code dir="auto">AFRICOM</code>');
      expect(html).not.toContain('**');
      expect(html).not.toContain('مقال بلا ملاحظات');
      const view = await browser.newPage({ viewport: { width: 800, height: 900 } });
      await view.setContent(html);
      await view.locator('.note strong').first().scrollIntoViewIfNeeded();
      await view.screenshot({ path: path.join(RESULTS_DIR, 'export-html-note.png') });
      await view.close();
    });
  },
);
