import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import { bridge, browserUnavailable, closeSession, openSession } from './harness';

const unavailable = browserUnavailable();

/** Selects `quote` in the article with the selection API, as a reader would with the mouse. */
function select(page: Page, quote: string) {
  return page.evaluate((q) => {
    for (const block of document.querySelectorAll<HTMLElement>('[data-block]')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(q) ?? -1;
        if (at < 0) continue;
        document.getSelection()?.setBaseAndExtent(node, at, node, at + q.length);
        return;
      }
    }
    throw new Error(`not found: ${q}`);
  }, quote);
}

/**
 * Undo and redo from the keyboard against the real service: each step is checked on disk, and each is
 * announced to screen readers through the page's live region.
 */
describe.skipIf(unavailable !== null)(
  `undo and redo in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;
    let page: Page;
    let articleId: string;

    const stored = async () => (await service.openArticle({ id: articleId })).highlights;
    const announced = () => page.locator('[data-announcer]').textContent();

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

    it('undoes a new highlight and redoes it with Ctrl+Shift+Z and with Ctrl+Y, saying so each time', async () => {
      await select(page, 'دونالد ترامب');
      await page.keyboard.press('1');
      await expect.poll(async () => (await stored()).map((h) => h.target.exact)).toEqual(['دونالد ترامب']);
      const id = (await stored())[0]?.id;
      await expect.poll(() => page.locator('.notes-entry').count()).toBe(1);

      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await stored()).length).toBe(0);
      await expect.poll(announced).toContain('تمّ التراجع عن إنشاء التظليل');
      // One sentence says what was undone and what it did, neither silencing the other.
      await expect(announced()).resolves.toContain('حُذف تظليل باللون الأصفر');

      await page.keyboard.press('Control+Shift+Z');
      await expect.poll(async () => (await stored()).map((h) => h.id)).toEqual([id]);
      await expect.poll(announced).toContain('تمّت إعادة إنشاء التظليل');

      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await stored()).length).toBe(0);
      await page.keyboard.press('Control+y');
      await expect.poll(async () => (await stored()).map((h) => h.id)).toEqual([id]);
    });

    it('undoes and redoes a note edit, back to the note as it was before the writing', async () => {
      const editNote = async (text: string) => {
        await page.locator('.notes-entry-quote').first().click();
        await page.getByRole('dialog').locator('textarea').fill(text);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      };
      await editNote('الملاحظة الأولى');
      await editNote('الملاحظة الثانية');
      await expect.poll(async () => (await stored())[0]?.note).toBe('الملاحظة الثانية');

      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await stored())[0]?.note).toBe('الملاحظة الأولى');
      await expect.poll(announced).toContain('تمّ التراجع عن تعديل الملاحظة');
      await expect(page.locator('.notes-entry').first().textContent()).resolves.toContain('الملاحظة الأولى');

      await page.keyboard.press('Control+Shift+Z');
      await expect.poll(async () => (await stored())[0]?.note).toBe('الملاحظة الثانية');
      await expect.poll(announced).toContain('تمّت إعادة تعديل الملاحظة');
    });

    it('undoes and redoes the note on the article, and its editor shows each', async () => {
      const box = page.getByRole('textbox', { name: 'ملاحظة على المقالة' });
      const articleNote = async () => (await service.openArticle({ id: articleId })).note;
      await box.fill('عن المقالة كلها');
      await page.locator('article').focus();
      await expect.poll(articleNote).toBe('عن المقالة كلها');

      await page.keyboard.press('Control+z');
      await expect.poll(articleNote).toBe('');
      await expect.poll(() => box.inputValue()).toBe('');
      await expect.poll(announced).toContain('تمّ التراجع عن تعديل الملاحظة');

      await page.keyboard.press('Control+y');
      await expect.poll(articleNote).toBe('عن المقالة كلها');
      await expect.poll(() => box.inputValue()).toBe('عن المقالة كلها');
    });

    it('leaves Ctrl+Z in a text field to the field: typing keeps the browser’s own undo', async () => {
      const before = await stored();
      const box = page.getByRole('textbox', { name: 'ملاحظة على المقالة' });
      await box.fill('');
      await box.pressSequentially('نص');
      await box.press('Control+z');
      // The field undid (some of) its own typing; the highlights were not touched, nothing was announced.
      await expect.poll(() => box.inputValue()).not.toBe('نص');
      expect(await stored()).toEqual(before);
      await expect(announced()).resolves.not.toContain('تمّ التراجع');
    });

    it('lists redo and the vowel-marks key in the shortcuts overlay', async () => {
      await page.locator('article').focus();
      await page.keyboard.press('?');
      const overlay = page.getByRole('dialog');
      await expect(overlay.textContent()).resolves.toContain('أعد آخر تغيير تراجعت عنه');
      await expect(overlay.textContent()).resolves.toContain('أخفِ الحركات أو أظهرها');
      await page.keyboard.press('Escape');
    });
  },
);
