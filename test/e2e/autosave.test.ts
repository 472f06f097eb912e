import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import { canonicalText } from '../../shared/article-model';
import { bridge, browserUnavailable, closeSession, openSession, RESULTS_DIR } from './harness';

const unavailable = browserUnavailable();

/**
 * Nothing typed is lost: notes save themselves as they are typed, and when the reader reloads, switches
 * article or closes the popover before the pause that would save them. Every save here goes through the real
 * service to files on disk; a failure is a real one (a folder where the file must be written).
 */
describe.skipIf(unavailable !== null)(
  `notes that save themselves, in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;
    let page: Page;
    let articleId: string;
    let otherId: string;
    let highlightId: string;

    const storedNote = async () =>
      (await service.openArticle({ id: articleId })).highlights.find((h) => h.id === highlightId)?.note;
    const popover = () => page.getByRole('dialog');
    const openArticle = async (id: string) => {
      // A new page load, not a hash change: the page must read the note as the service now holds it.
      await page.goto('about:blank');
      await page.goto(`${origin}/index.html#/article/${id}`);
      await page.locator('article h1').waitFor();
    };
    const openPopover = async () => {
      await page.locator(`.notes-entry[data-highlight="${highlightId}"] .notes-entry-quote`).click();
      await popover().locator('textarea').waitFor();
    };

    beforeAll(async () => {
      ({ server, origin, browser, dataDir, service } = await openSession());
      articleId = (await service.listArticles({}))[0]?.id ?? '';
      const text = canonicalText((await service.openArticle({ id: articleId })).blocks);
      const start = text.indexOf('دونالد ترامب');
      highlightId = (await service.createHighlight({ articleId, start, end: start + 12, color: 'yellow' }))
        .id;
      const other = path.join(dataDir, 'مقالة-أخرى.txt');
      await writeFile(other, 'مقالة أخرى\n\nفقرة قصيرة عن طرابلس وما حولها.\n');
      const [imported] = await service.importFiles([other]);
      otherId = imported?.ok ? imported.id : '';
      page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      await bridge(page, service);
    });

    afterAll(async () => {
      await closeSession({ browser, server, dataDir });
    });

    beforeEach(async () => {
      await service.updateHighlight({ articleId, id: highlightId, note: '' });
      await openArticle(articleId);
    });

    // `fill` types the whole note at once; the page is left at once after, well inside the pause
    // after which the note would have saved itself: what saves it is leaving.
    it('saves a note typed just before a reload', async () => {
      await openPopover();
      await popover().locator('textarea').fill('كُتبت قبل إعادة التحميل');
      await page.reload();
      await page.locator('article h1').waitFor();
      await expect.poll(storedNote).toBe('كُتبت قبل إعادة التحميل');
    });

    it('saves a note typed just before switching to another article', async () => {
      await openPopover();
      await popover().locator('textarea').fill('كُتبت قبل الانتقال');
      await page.evaluate((id) => (window.location.hash = `#/article/${id}`), otherId);
      await page.locator('article h1', { hasText: 'مقالة أخرى' }).waitFor();
      await expect.poll(storedNote).toBe('كُتبت قبل الانتقال');
    });

    it('saves a note typed just before Esc, and closes the popover', async () => {
      await openPopover();
      await popover().locator('textarea').fill('كُتبت قبل Esc');
      await page.keyboard.press('Escape');
      await expect.poll(() => popover().count()).toBe(0);
      await expect.poll(storedNote).toBe('كُتبت قبل Esc');
    });

    it('saves the note on the article typed just before a reload', async () => {
      await page.getByRole('textbox', { name: 'ملاحظة على المقالة' }).fill('ملاحظة على المقالة كلها');
      await page.reload();
      await page.locator('article h1').waitFor();
      await expect
        .poll(async () => (await service.openArticle({ id: articleId })).note)
        .toBe('ملاحظة على المقالة كلها');
    });

    // The save is sent as the page unloads, and the reloaded page may ask for the article before main has
    // finished writing it: dispatch() answers a read only after the writes asked for before it.
    it('shows a note typed just before a reload, on a highlight and on the article, once the page is back', async () => {
      for (let round = 0; round < 4; round += 1) {
        const note = `ملاحظة الجولة ${round + 1}`;
        await openPopover();
        await popover().locator('textarea').fill(note);
        await page.reload();
        await page.locator('article h1').waitFor();
        const entry = page.locator(`.notes-entry[data-highlight="${highlightId}"]`);
        await entry.waitFor();
        expect(await entry.textContent()).toContain(note);
        const articleNote = `على المقالة ${round + 1}`;
        await page.getByRole('textbox', { name: 'ملاحظة على المقالة' }).fill(articleNote);
        await page.reload();
        await page.locator('article h1').waitFor();
        expect(await page.getByRole('textbox', { name: 'ملاحظة على المقالة' }).inputValue()).toBe(
          articleNote,
        );
      }
    });

    it('saves as the reader types, once typing pauses, and says so', async () => {
      await openPopover();
      await popover().locator('textarea').pressSequentially('تُحفظ وحدها', { delay: 20 });
      await expect.poll(() => popover().getByRole('status').textContent()).toBe('حُفظت');
      await expect.poll(storedNote).toBe('تُحفظ وحدها');
    });

    it('keeps the reading position scrolled to just before a reload', async () => {
      const progress = async () => (await service.openArticle({ id: articleId })).progress?.offset ?? 0;
      await page.locator('.reader-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
      await page.reload();
      await page.locator('article h1').waitFor();
      await expect.poll(progress).toBeGreaterThan(0);
    });

    /** Puts a folder where the article's annotations file must be written, for as long as `during` runs. */
    const withFileInTheWay = async (during: () => Promise<void>) => {
      const file = path.join(dataDir, 'annotations', `${articleId}.json`);
      const aside = `${file}.aside`;
      await rename(file, aside);
      await mkdir(path.join(file, 'in-the-way'), { recursive: true });
      try {
        await during();
      } finally {
        await rm(file, { recursive: true });
        await rename(aside, file);
      }
    };

    it('shows a note whose save failed after switching article, with its text, and saves it on retry', async () => {
      await withFileInTheWay(async () => {
        await openPopover();
        await popover().locator('textarea').fill('كُتبت والقرص يرفض');
        await page.evaluate((id) => (window.location.hash = `#/article/${id}`), otherId);
        await page.locator('article h1', { hasText: 'مقالة أخرى' }).waitFor();
        const notice = page.locator('.notice', { hasText: 'لم تُحفظ ملاحظة عند إغلاق محرّرها' });
        await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
        await expect(notice.locator('blockquote').textContent()).resolves.toBe('كُتبت والقرص يرفض');
        await notice.screenshot({ path: path.join(RESULTS_DIR, 'note-lost-editor-ar.png') });
      });
      await page.getByRole('button', { name: 'أعد المحاولة' }).click();
      await expect.poll(storedNote).toBe('كُتبت والقرص يرفض');
      await expect.poll(() => page.locator('.unsaved-draft').count()).toBe(0);
    });

    it('keeps the text and says it was not saved when the save fails, then saves it once it can', async () => {
      // A folder where the annotations file must be written: the write fails for real, with an error.
      await withFileInTheWay(async () => {
        await openPopover();
        const editor = popover().locator('textarea');
        await editor.fill('نص يجب ألا يضيع');
        const alert = popover().getByRole('alert');
        await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('لم تُحفظ');
        await expect(editor.inputValue()).resolves.toBe('نص يجب ألا يضيع');
        // Said once, beside the editor, not repeated in a second alert over the reader.
        await expect(page.getByRole('alert').count()).resolves.toBe(1);
        // Esc does not close a popover whose note is not saved: the text would have nowhere to stay.
        await page.keyboard.press('Escape');
        await expect(popover().count()).resolves.toBe(1);
        await popover().screenshot({ path: path.join(RESULTS_DIR, 'note-not-saved-ar.png') });
      });
      await popover().locator('textarea').press('Control+Enter');
      await expect.poll(() => popover().getByRole('status').textContent()).toBe('حُفظت');
      await expect(popover().getByRole('alert').count()).resolves.toBe(0);
      await expect.poll(storedNote).toBe('نص يجب ألا يضيع');
      await popover().screenshot({ path: path.join(RESULTS_DIR, 'note-saved-ar.png') });
    });
  },
);
