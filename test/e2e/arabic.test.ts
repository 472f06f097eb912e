import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import { canonicalText } from '../../shared/article-model';
import { bridge, browserUnavailable, closeSession, openSession, RESULTS_DIR } from './harness';

const unavailable = browserUnavailable();

const VOCALISED = [
  'بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ',
  '',
  'الْحَمْدُ لِلَّهِ رَبِّ الْعَالَمِينَ، الرَّحْمَٰنِ الرَّحِيمِ، مَالِكِ يَوْمِ الدِّينِ. إِيَّاكَ نَعْبُدُ وَإِيَّاكَ نَسْتَعِينُ.',
  '',
  'قالت القيادة US AFRICOM (@USAfricaCommand) September 30, 2019 في بيان إن الغارة أصابت هدفها. ثم أضافت أن العمليات مستمرة.',
].join('\n');

/** Selects, in the page, the first occurrence of `text` as shown (DOM text), across text nodes of one block. */
function selectShown(page: Page, text: string) {
  return page.evaluate((wanted) => {
    for (const block of document.querySelectorAll<HTMLElement>('[data-block]')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      const at = whole.indexOf(wanted);
      if (at < 0) continue;
      const locate = (offset: number) => {
        let rest = offset;
        for (const node of nodes) {
          if (rest <= node.length) return { node, offset: rest };
          rest -= node.length;
        }
        throw new Error('out of range');
      };
      const start = locate(at);
      const end = locate(at + wanted.length);
      document.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
      return true;
    }
    return false;
  }, text);
}

describe.skipIf(unavailable !== null)(
  `Arabic reading in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;
    let page: Page;
    let id: string;
    let stored: string;

    const highlights = async () => (await service.openArticle({ id })).highlights;

    beforeAll(async () => {
      ({ server, origin, browser, dataDir, service } = await openSession());
      const file = path.join(dataDir, 'verse.txt');
      await writeFile(file, VOCALISED);
      const [imported] = await service.importFiles([file]);
      id = imported?.ok ? imported.id : '';
      stored = canonicalText((await service.openArticle({ id })).blocks);
      page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      await bridge(page, service);
      await page.goto(`${origin}/index.html#/article/${id}`);
      await page.locator('article h1').waitFor();
    });

    afterAll(async () => {
      await closeSession({ browser, server, dataDir });
    });

    it('hides vowel marks on demand, and a highlight made then lands on the stored characters', async () => {
      await page.keyboard.press('m');
      await expect.poll(() => page.locator('article h1').textContent()).toBe('بسم الله الرحمن الرحيم');
      expect(await selectShown(page, 'الله')).toBe(true);
      await page.keyboard.press('1');
      await expect.poll(async () => (await highlights()).length).toBe(1);
      const [hidden] = await highlights();
      expect(hidden?.target.exact).toBe('اللَّهِ');
      expect(stored.slice(hidden?.start, hidden?.end)).toBe('اللَّهِ');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'marks-hidden-ar.png') });

      // The same word selected with marks shown gives the same stored offsets.
      await page.keyboard.press('m');
      await expect.poll(() => page.locator('article h1').textContent()).toBe('بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ');
      await service.deleteHighlight({ articleId: id, id: hidden?.id ?? '' });
      await page.reload();
      await page.locator('article h1').waitFor();
      expect(await selectShown(page, 'اللَّهِ')).toBe(true);
      await page.keyboard.press('2');
      await expect.poll(async () => (await highlights()).length).toBe(1);
      const [shown] = await highlights();
      expect([shown?.start, shown?.end]).toEqual([hidden?.start, hidden?.end]);
    });

    it('finds a word with marks hidden and paints exactly it', async () => {
      await page.keyboard.press('m');
      await page.keyboard.press('Control+f');
      await page.getByRole('searchbox', { name: 'ابحث في المقالة' }).fill('الرحيم');
      await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 من 2');
      const painted = await page.evaluate(() => {
        const current = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(
          'hamish-find-current',
        );
        return current ? [...current].map((r) => (r as Range).toString()) : [];
      });
      expect(painted).toEqual(['الرحيم']);
      await page.keyboard.press('Escape');
      await page.keyboard.press('m');
    });

    it('isolates a Latin run so it never reorders the Arabic around it', async () => {
      const isolated = await page.locator('article bdi[dir="ltr"]').allTextContents();
      expect(isolated).toContain('US AFRICOM (@USAfricaCommand) September 30, 2019');
    });

    it('lays out short text by its first strong character in the note editor, tags and search', async () => {
      await page.locator('.notes-entry-quote').first().click();
      const editor = page.getByRole('dialog').locator('textarea');
      await editor.fill('Readwise note عن هذه الآية');
      await expect(editor.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr');
      await editor.fill('ملاحظة عن Readwise');
      await expect(editor.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
      const tags = page.getByRole('dialog').getByRole('combobox');
      await tags.fill('English tag');
      await expect(tags.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr');
      await page.keyboard.press('Escape');
    });

    it('extends a selection word by word in reading order with the keyboard, then highlights it', async () => {
      await page.evaluate(() => {
        const paragraph = document.querySelector<HTMLElement>('[data-block="1"]');
        const first = paragraph?.firstChild;
        if (first) document.getSelection()?.collapse(first, 0);
        document.querySelector<HTMLElement>('article')?.focus();
      });
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.keyboard.press('Control+Shift+ArrowLeft');
      const selected = await page.evaluate(() => document.getSelection()?.toString().trim());
      expect(selected).toBe('الْحَمْدُ لِلَّهِ');
      await page.keyboard.press('3');
      await expect
        .poll(async () => (await highlights()).map((h) => h.target.exact.trim()))
        .toContain('الْحَمْدُ لِلَّهِ');
    });

    it('extends a selection by sentence', async () => {
      await page.evaluate(() => {
        const block = document.querySelector<HTMLElement>('[data-block="2"]');
        const walker = document.createTreeWalker(block as Node, NodeFilter.SHOW_TEXT);
        const first = walker.nextNode();
        if (first) document.getSelection()?.collapse(first, 0);
        document.querySelector<HTMLElement>('article')?.focus();
      });
      await page.keyboard.press('Control+Shift+ArrowDown');
      const selected = await page.evaluate(() => document.getSelection()?.toString().trim());
      expect(selected).toBe(
        'قالت القيادة US AFRICOM (@USAfricaCommand) September 30, 2019 في بيان إن الغارة أصابت هدفها.',
      );
    });

    it('shows the names the reader gave the colours in the toolbar and the panel, and exports them', async () => {
      await service.setSettings({ colorNames: { yellow: 'مهم', green: 'سؤال', blue: 'للمراجعة' } });
      await page.reload();
      await page.locator('article h1').waitFor();
      expect(await selectShown(page, 'مستمرة')).toBe(true);
      const toolbar = page.getByRole('toolbar', { name: 'ألوان التظليل' });
      await expect.poll(() => toolbar.textContent()).toContain('للمراجعة');
      await toolbar.getByRole('button', { name: 'ظلّل باللون للمراجعة' }).click();
      await expect.poll(async () => (await highlights()).some((h) => h.color === 'blue')).toBe(true);
      const options = await page
        .getByRole('combobox', { name: 'تصفية حسب اللون' })
        .locator('option')
        .allTextContents();
      expect(options).toEqual(expect.arrayContaining(['مهم', 'سؤال', 'للمراجعة']));
      const { text } = await service.exportNotes('md', { articleIds: [id] });
      expect(text).toContain('للمراجعة');
      // Search everything filters by colour, under the reader's names.
      await page.keyboard.press('Control+Shift+F');
      const colourFilter = page.getByRole('combobox', { name: 'تصفية حسب اللون' });
      await colourFilter.waitFor(); // the search page's code loads when it is first opened
      await expect(colourFilter.locator('option').allTextContents()).resolves.toEqual(
        expect.arrayContaining(['للمراجعة']),
      );
      await page.getByRole('searchbox', { name: 'ابحث في كل شيء' }).fill('مستمرة');
      await colourFilter.selectOption({ label: 'للمراجعة' });
      await expect.poll(() => page.locator('.search-hit').count()).toBe(1);
      await expect(page.locator('.search-kind').first().textContent()).resolves.toBe('تظليل');
    });

    it('keeps mixed-direction notes readable in every export (screenshots in Chromium)', async () => {
      const [first] = await highlights();
      await service.updateHighlight({
        articleId: id,
        id: first?.id ?? '',
        note: 'Readwise note: هذه ملاحظة عن الآية',
      });
      for (const format of ['md', 'csv', 'html'] as const) {
        const { text } = await service.exportNotes(format, { articleIds: [id] });
        if (format !== 'html') expect(text).toContain('\u2068Readwise note\u2069');
        // The note's paragraph is set right to left, so the English words it opens with stay at its start.
        else expect(text).toContain('<p dir="rtl">Readwise note: هذه ملاحظة عن الآية</p>');
        const file = path.join(
          dataDir,
          `export.${format === 'csv' ? 'csv.txt' : format === 'md' ? 'md.txt' : 'html'}`,
        );
        await writeFile(file, text);
        const viewer = await browser.newPage({ viewport: { width: 900, height: 600 } });
        await viewer.goto(`file://${file}`);
        await viewer.screenshot({ path: path.join(RESULTS_DIR, `export-${format}-mixed.png`) });
        if (format === 'html') {
          const direction = await viewer
            .locator('.note p', { hasText: 'Readwise note' })
            .evaluate((element) => getComputedStyle(element).direction);
          expect(direction).toBe('rtl');
        }
        await viewer.close();
      }
    });
  },
);
