import { readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import { canonicalText } from '../../shared/article-model';
import {
  appService,
  bridge,
  browserUnavailable,
  closeSession,
  launchBrowser,
  openSession,
  painted,
  removeDir,
  RESULTS_DIR,
  SEED,
  serveRenderer,
  tempDataDir,
} from './harness';

const unavailable = browserUnavailable();

/**
 * Where to press and release the mouse to select `quote` (right to left): inside the right quarter of its
 * first letter and the left quarter of its last, so each end snaps to the letter's outer edge whatever the
 * font's exact advance widths.
 */
function passageRect(page: Page, quote: string) {
  return page.evaluate((q) => {
    for (const block of document.querySelectorAll<HTMLElement>('[data-block]')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(q) ?? -1;
        if (at < 0) continue;
        block.scrollIntoView({ block: 'center' });
        const letter = (index: number) => {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          return range.getBoundingClientRect();
        };
        const first = letter(at);
        const last = letter(at + q.length - 1);
        return {
          start: { x: first.right - first.width / 4, y: first.top + first.height / 2 },
          end: { x: last.left + last.width / 4, y: last.top + last.height / 2 },
        };
      }
    }
    return null;
  }, quote);
}

/** Selects text in the page between two quotes with the API (for the cases that are not about the mouse). */
function selectBetween(page: Page, from: string, to: string) {
  return page.evaluate(
    ([a, b]) => {
      const find = (q: string, end: boolean) => {
        for (const block of document.querySelectorAll<HTMLElement>('[data-block]')) {
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent?.indexOf(q) ?? -1;
            if (at >= 0) return { node, offset: end ? at + q.length : at };
          }
        }
        throw new Error(`not found: ${q}`);
      };
      const start = find(a, false);
      const end = find(b, true);
      const selection = document.getSelection();
      selection?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
    },
    [from, to] as const,
  );
}

describe.skipIf(unavailable !== null)(
  `highlights in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;
    let page: Page;
    let articleId: string;

    const stored = async () => (await service.openArticle({ id: articleId })).highlights;

    beforeAll(async () => {
      ({ server, origin, browser, dataDir, service } = await openSession());
      articleId = (await service.listArticles({}))[0]?.id ?? '';
      page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      await bridge(page, service);
      await page.goto(`${origin}/index.html#/article/${articleId}`);
      await page.locator('article h1').waitFor();
    });

    afterAll(async () => {
      await closeSession({ browser, server, dataDir });
    });

    it('shows how to highlight while there is nothing yet', async () => {
      await expect(page.locator('.notes-panel .empty-state').textContent()).resolves.toContain('حدّد مقطعًا');
    });

    it('highlights a passage selected with the mouse, and keeps its note and tag across a reload', async () => {
      const quote = 'دونالد ترامب';
      const rect = await passageRect(page, quote);
      expect(rect).not.toBeNull();
      if (!rect) return;
      // Right to left: the passage starts at the right of its first letter and ends at the left of its last.
      await page.mouse.move(rect.start.x, rect.start.y);
      await page.mouse.down();
      await page.mouse.move((rect.start.x + rect.end.x) / 2, rect.start.y, { steps: 5 });
      await page.mouse.move(rect.end.x, rect.end.y, { steps: 5 });
      await page.mouse.up();
      await page.getByRole('button', { name: 'ظلّل باللون الأصفر' }).click();
      await expect.poll(async () => (await stored()).map((h) => h.target.exact)).toEqual([quote]);

      await expect.poll(async () => (await painted(page))['hamish-yellow']).toEqual([quote]);
      await page.locator('.notes-entry-quote').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('textarea').fill('ملاحظة مهمة');
      await dialog.getByRole('button', { name: 'احفظ الملاحظة' }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toBe('حُفظت');
      await expect.poll(async () => (await stored())[0]?.note).toBe('ملاحظة مهمة');
      const tagBox = dialog.getByRole('combobox');
      await tagBox.fill('ليبيا');
      await tagBox.press('Enter');
      await expect.poll(async () => (await stored())[0]?.tags).toEqual(['ليبيا']);

      await page.reload();
      await page.locator('article h1').waitFor();
      await expect.poll(async () => (await painted(page))['hamish-yellow']).toEqual([quote]);
      const entry = page.locator('.notes-entry').first();
      await expect(entry.textContent()).resolves.toContain('ملاحظة مهمة');
      await expect(entry.textContent()).resolves.toContain('ليبيا');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'reader-highlights-ar.png') });
    });

    it('highlights across two paragraphs and a heading with the keyboard shortcut', async () => {
      await selectBetween(page, 'لعودة الإرهابيين', 'هزيمة تنظيم الدولة');
      await page.keyboard.press('2');
      await expect.poll(async () => (await stored()).length).toBe(2);
      const across = (await stored()).find((h) => h.color === 'green');
      expect(across?.target.exact.startsWith('لعودة الإرهابيين')).toBe(true);
      expect(across?.target.exact.endsWith('هزيمة تنظيم الدولة')).toBe(true);
      expect(across?.target.exact).toContain('\n\n');
      await expect.poll(async () => (await painted(page))['hamish-green']?.length).toBe(1);
    });

    it('paints two overlapping highlights and marks where they overlap', async () => {
      await selectBetween(page, 'تنظيم الدولة” خلال', '6 سنوات');
      await page.keyboard.press('3');
      await selectBetween(page, 'خلال 6', 'المحاولات');
      await page.keyboard.press('4');
      await expect.poll(async () => (await stored()).length).toBe(4);
      await expect
        .poll(async () => (await painted(page))['hamish-pink'])
        .toEqual(['خلال 6 سنوات من المحاولات']);
      const paint = await painted(page);
      expect(paint['hamish-blue']).toEqual(['تنظيم الدولة” خلال 6 سنوات']);
      expect(paint['hamish-pink']).toEqual(['خلال 6 سنوات من المحاولات']);
      // Both lie inside the green highlight of the previous test, so all of their union is overlapped.
      expect(paint['hamish-overlap']).toEqual(['تنظيم الدولة” خلال 6 سنوات من المحاولات']);
    });

    it('deletes a highlight and brings it back with Ctrl+Z', async () => {
      const before = (await stored()).map((h) => h.id).sort();
      await page.locator('.notes-entry-quote', { hasText: /^خلال 6 سنوات من المحاولات$/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'احذف التظليل' }).click();
      await expect.poll(async () => (await stored()).length).toBe(3);
      // The panel shows the deletion once the page has it (and its undo step): only then is Ctrl+Z meaningful.
      await expect
        .poll(() => page.locator('.notes-entry-quote', { hasText: /^خلال 6 سنوات من المحاولات$/ }).count())
        .toBe(0);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await stored()).map((h) => h.id).sort()).toEqual(before);
    });

    it('lists a highlight whose passage disappeared after an update as an orphan, with its note', async () => {
      const target = (await stored()).find((h) => h.target.exact === 'دونالد ترامب');
      const newer = (await readFile(SEED, 'utf8')).replace(
        'الرئيس الأمريكي “دونالد ترامب” مساء',
        'الرئيس الأمريكي مساء',
      );
      const file = path.join(dataDir, 'newer.txt');
      await writeFile(file, newer);
      const reports = await service.updateArticleFrom(articleId, file);
      expect(reports.find((r) => r.id === target?.id)?.status).toBe('orphan');
      await page.reload();
      await page.locator('article h1').waitFor();
      const orphans = page.locator('.orphans');
      await expect(orphans.textContent()).resolves.toContain('دونالد ترامب');
      await expect(orphans.textContent()).resolves.toContain('ملاحظة مهمة');
      expect(canonicalText((await service.openArticle({ id: articleId })).blocks)).not.toContain(
        'دونالد ترامب',
      );
    });
  },
);

describe.skipIf(unavailable !== null)('updating an article from the notes panel', () => {
  it('re-anchors highlights from a newer file chosen in the dialog and reports how they fared', async () => {
    const { server, origin } = await serveRenderer();
    const browser = await launchBrowser();
    const dataDir = await tempDataDir();
    const newer = path.join(dataDir, 'newer.txt');
    await writeFile(newer, (await readFile(SEED, 'utf8')).replace('فشل', 'مقدمة جديدة.\n\nفشل'));
    try {
      const service = await appService(dataDir, async () => newer);
      const id = (await service.listArticles({}))[0]?.id ?? '';
      const text = canonicalText((await service.openArticle({ id })).blocks);
      const start = text.indexOf('دونالد ترامب');
      await service.createHighlight({ articleId: id, start, end: start + 12, color: 'blue' });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      await bridge(page, service);
      await page.goto(`${origin}/index.html#/article/${id}`);
      await page.getByRole('button', { name: 'حدّث من ملف أحدث…' }).click();
      await expect
        .poll(() => page.locator('.notes-panel [role=status]').first().textContent())
        .toContain('1 انتقلت');
      // The report shows as soon as main answers; the newer text is then read and drawn, and only then
      // does the highlight's paint on it say anything.
      await expect.poll(() => page.locator('article p').first().textContent()).toBe('مقدمة جديدة.');
      await expect.poll(async () => (await painted(page))['hamish-blue']).toEqual(['دونالد ترامب']);
    } finally {
      await browser.close();
      server.close();
      await removeDir(dataDir);
    }
  });
});
