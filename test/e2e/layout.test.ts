import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import {
  bridge,
  browserUnavailable,
  closeSession,
  openSession,
  recordRequests,
  RESULTS_DIR,
  SEED,
  type Session,
} from './harness';

const unavailable = browserUnavailable();

type Box = { top: number; bottom: number; left: number; right: number };

/** Each margin note's box, with the box of its passage's first line. */
function marginNotes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.margin-note')].map((note) => {
      const box = note.getBoundingClientRect();
      return {
        id: note.dataset.highlight ?? '',
        text: note.textContent ?? '',
        box: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
      };
    }),
  );
}

function boxOf(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
  });
}

/** The first line of a passage, as the reader shows it. */
function passageTop(page: Page, quote: string): Promise<number> {
  return page.evaluate((q) => {
    for (const block of document.querySelectorAll<HTMLElement>('[data-block]')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(q) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.length);
        return range.getClientRects()[0]?.top ?? NaN;
      }
    }
    return NaN;
  }, quote);
}

function overlap(a: Box, b: Box): boolean {
  return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
}

/** Heights of the top bar's buttons, and how many rows they stand on. */
function topBarButtons(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.topbar button')].map((b) =>
      b.getBoundingClientRect(),
    );
    return {
      heights: boxes.map((b) => Math.round(b.height)),
      // A button that starts below the bottom of another one is on a second line.
      rows: boxes.some((a) => boxes.some((b) => b.top >= a.bottom)) ? 2 : 1,
      barHeight: document.querySelector('.topbar')?.getBoundingClientRect().height ?? 0,
    };
  });
}

// Passages of the default article, two of them on one line, so that their notes must stack.
const NOTED = [
  { quote: 'فشل', note: 'أول ملاحظة: التنظيم لم يجد حاضنة اجتماعية، وهذا يفسر كثيرًا مما يلي في المقال.' },
  { quote: 'خلال 6 سنوات', note: 'ثانية على السطر نفسه: يجب أن تنزل تحت الأولى ولا تغطيها.' },
  { quote: 'ورغم بسط سيطرته', note: 'ثالثة في الفقرة التالية.' },
];

describe.skipIf(unavailable !== null)(
  `layout for any window in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let session: Session;
    let articleId: string;

    const open = async (width: number, height: number, language = 'ar') => {
      const page = await session.browser.newPage({ viewport: { width, height }, locale: language });
      await bridge(page, session.service);
      await page.goto(`${session.origin}/index.html#/article/${articleId}`);
      await page.locator('article h1').waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page;
    };

    beforeAll(async () => {
      session = await openSession();
      articleId = (await session.service.listArticles({}))[0]?.id ?? '';
      const article = await session.service.openArticle({ id: articleId });
      const text = canonicalText(article.blocks);
      for (const { quote, note } of NOTED) {
        const start = text.indexOf(quote);
        await session.service.createHighlight({
          articleId,
          start,
          end: start + quote.length,
          color: 'yellow',
          note,
        });
      }
    });

    afterAll(async () => {
      await closeSession(session);
    });

    it('stands each note in the left margin beside its passage at 1280×800, without overlap', async () => {
      const page = await open(1280, 800);
      try {
        await expect.poll(async () => (await marginNotes(page)).length).toBe(NOTED.length);
        // Let the stacking settle after the notes' text is laid out.
        await page.waitForTimeout(300);
        const notes = await marginNotes(page);
        const column = await boxOf(page, 'article.article');
        for (const [i, { box }] of notes.entries()) {
          // In the margin at the column's left (Arabic), not over the text.
          expect(box.right).toBeLessThanOrEqual(column.left);
          expect(box.right).toBeGreaterThan(column.left - 60);
          for (const other of notes.slice(i + 1)) expect(overlap(box, other.box)).toBe(false);
        }
        // In reading order, each at its passage's line or pushed just below the note before it.
        const tops = await Promise.all(NOTED.map(({ quote }) => passageTop(page, quote)));
        expect(notes.map((n) => n.text)).toEqual(NOTED.map((n) => n.note));
        expect(Math.abs((notes[0]?.box.top ?? 0) - (tops[0] ?? 0))).toBeLessThan(3);
        expect(notes[1]?.box.top).toBeGreaterThan(notes[0]?.box.bottom ?? Infinity);
        expect(notes[1]?.box.top).toBeLessThan((notes[0]?.box.bottom ?? 0) + 20);
        expect(Math.abs((notes[2]?.box.top ?? 0) - (tops[2] ?? 0))).toBeLessThan(3);
        // The column keeps a readable measure beside the margin.
        expect(column.right - column.left).toBeGreaterThanOrEqual(480);
        await page.screenshot({ path: path.join(RESULTS_DIR, 'margin-notes-1280x800-ar.png') });
      } finally {
        await page.close();
      }
    });

    it('leaves only the text in focus mode: the margin notes go with the panels', async () => {
      const page = await open(1280, 800);
      try {
        await page.locator('.margin-note').first().waitFor();
        await page.getByRole('button', { name: 'وضع التركيز' }).click();
        await expect.poll(() => page.locator('.margin-note:visible').count()).toBe(0);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.margin-note:visible').count()).toBe(NOTED.length);
      } finally {
        await page.close();
      }
    });

    it('edits a note in place, beside its passage, and the edit is there after a reload', async () => {
      const page = await open(1280, 800);
      try {
        const note = page.locator('.margin-note').nth(2);
        await note.waitFor();
        await note.click();
        const editor = page.getByRole('textbox', { name: /ملاحظة على «ورغم بسط سيطرته»/ });
        await expect.poll(() => editor.evaluate((e) => e === document.activeElement)).toBe(true);
        await editor.press('End');
        await editor.pressSequentially(' وأضفت هذا في الهامش.');
        await expect.poll(() => page.locator('.margin-note [role=status]').textContent()).toBe('حُفظت');
        // Editing never hides the passage.
        const passage = await passageTop(page, 'ورغم بسط سيطرته');
        const column = await boxOf(page, 'article.article');
        const editing = await boxOf(page, '.margin-note[data-raised]');
        expect(editing.right).toBeLessThanOrEqual(column.left);
        expect(passage).toBeGreaterThan(0);
        // The raised editor moves no note that is clear of it: the first still stands at its passage.
        const first = (await marginNotes(page))[0];
        expect(Math.abs((first?.box.top ?? 0) - (await passageTop(page, 'فشل')))).toBeLessThan(3);
        await page.screenshot({ path: path.join(RESULTS_DIR, 'margin-note-editing-1280x800-ar.png') });
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.margin-note textarea').count()).toBe(0);
        // Focus goes back to the note it was edited from.
        expect(await page.evaluate(() => document.activeElement?.className)).toContain('margin-note-edit');

        await page.reload();
        await page.locator('.margin-note').nth(2).waitFor();
        await expect
          .poll(() => page.locator('.margin-note').nth(2).textContent())
          .toBe('ثالثة في الفقرة التالية. وأضفت هذا في الهامش.');
      } finally {
        await page.close();
      }
    });

    it('saves a margin note typed just before a reload: nothing typed is lost', async () => {
      const page = await open(1280, 800);
      try {
        await page.locator('.margin-note').nth(1).click();
        const editor = page.locator('.margin-note textarea');
        // Filled at once and left at once, well inside the pause after which it would save itself.
        await editor.fill('كُتبت في الهامش قبل إعادة التحميل');
        await page.reload();
        await page.locator('article h1').waitFor();
        const stored = async () => {
          const { highlights } = await session.service.openArticle({ id: articleId });
          return highlights.find((h) => h.target.exact === NOTED[1]?.quote)?.note;
        };
        await expect.poll(stored).toBe('كُتبت في الهامش قبل إعادة التحميل');
      } finally {
        await page.close();
      }
    });

    for (const [width, height, minColumn] of [
      [900, 700, 480],
      [700, 900, 700 - 2 * 24 - 2],
    ] as const) {
      it(`at ${width}×${height} opens the panels as drawers, keeps the column and the top bar on one line`, async () => {
        const page = await open(width, height);
        try {
          // Drawers start closed: the column has the window.
          expect(await page.locator('.drawer').count()).toBe(0);
          const column = await boxOf(page, 'article.article');
          expect(column.right - column.left).toBeGreaterThanOrEqual(minColumn);
          const bar = await topBarButtons(page);
          expect(bar.rows).toBe(1);
          for (const h of bar.heights) expect(h).toBeLessThanOrEqual(40);
          expect(bar.barHeight).toBeLessThanOrEqual(60);

          for (const name of ['الملاحظات', 'المحتويات']) {
            const button = page.getByRole('button', { name, exact: true });
            await button.click();
            const drawer = page.getByRole('dialog', { name });
            await drawer.waitFor();
            // The notes panel's code may still be on its way (its place is held by an empty panel): focus
            // is checked, and the drawer pictured, with its content in.
            await expect.poll(() => drawer.locator('.notes-panel[aria-hidden="true"]').count()).toBe(0);
            // Focus moves in and stays inside while it is open.
            for (let i = 0; i < 25; i++) {
              const inside = await drawer.evaluate((d) => d.contains(document.activeElement));
              expect({ tab: i, inside }).toEqual({ tab: i, inside: true });
              await page.keyboard.press('Tab');
            }
            await page.screenshot({ path: path.join(RESULTS_DIR, `drawer-${width}x${height}-${name}.png`) });
            await page.keyboard.press('Escape');
            await expect.poll(() => page.locator('.drawer').count()).toBe(0);
            expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
          }
        } finally {
          await page.close();
        }
      });
    }

    it('puts the margin at the right of a left-to-right article', async () => {
      const text = [
        'Notes in the margin',
        'A printed book leaves room beside its text, and readers have always written there.',
        'Hamish means margin in Arabic; its notes should live there too.',
      ].join('\n\n');
      const outcome = await session.service.importData({
        name: 'margin.txt',
        base64: Buffer.from(text).toString('base64'),
      });
      if (!outcome.ok) throw new Error('the English article was not imported');
      const start = text.indexOf('readers have');
      await session.service.createHighlight({
        articleId: outcome.id,
        start,
        end: start + 'readers have'.length,
        color: 'blue',
        note: 'Marginalia.',
      });
      const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en' });
      try {
        await bridge(page, session.service);
        await page.goto(`${session.origin}/index.html#/article/${outcome.id}`);
        await page.locator('.margin-note').waitFor();
        const note = (await marginNotes(page))[0];
        const column = await boxOf(page, 'article.article');
        expect(note?.box.left).toBeGreaterThanOrEqual(column.right);
        expect(Math.abs((note?.box.top ?? 0) - (await passageTop(page, 'readers have')))).toBeLessThan(3);
        await page.screenshot({ path: path.join(RESULTS_DIR, 'margin-notes-ltr-1280x800.png') });
      } finally {
        await page.close();
      }
    });

    for (const language of ['ar', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        it(`fits the window at every size in the ${theme} theme, ${language} interface`, async () => {
          await session.service.setSettings({ language, theme });
          try {
            for (const [width, height] of [
              [1280, 800],
              [900, 700],
              [700, 900],
            ] as const) {
              const page = await open(width, height, language);
              try {
                await page.waitForTimeout(300);
                // Nothing wider than the window, and the top bar on one line.
                const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
                expect(overflow).toBeLessThanOrEqual(0);
                expect((await topBarButtons(page)).rows).toBe(1);
                // The margin notes, where there is room for them, stand in the window beside the column.
                for (const { box } of await marginNotes(page)) {
                  expect(box.left).toBeGreaterThanOrEqual(0);
                  expect(box.right).toBeLessThanOrEqual((await boxOf(page, 'article.article')).left);
                }
                await page.screenshot({
                  path: path.join(RESULTS_DIR, `layout-${width}x${height}-${language}-${theme}.png`),
                });
              } finally {
                await page.close();
              }
            }
          } finally {
            await session.service.setSettings({ language: 'auto', theme: 'system' });
          }
        });
      }
    }

    it('closes an open drawer on entering focus mode, leaving only the text', async () => {
      const page = await open(700, 900);
      try {
        await page.getByRole('button', { name: 'الملاحظات', exact: true }).click();
        await page.getByRole('dialog', { name: 'الملاحظات' }).waitFor();
        // The top bar stays above a drawer: its buttons still take the pointer.
        await page.getByRole('button', { name: 'وضع التركيز' }).click();
        await expect.poll(() => page.locator('.drawer, .drawer-backdrop').count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');
      } finally {
        await page.close();
      }
    });

    it("fetches the closed notes drawer's code once the text is shown, so the drawer opens with its notes", async () => {
      const page = await session.browser.newPage({ viewport: { width: 700, height: 900 }, locale: 'ar' });
      const requests = recordRequests(page);
      try {
        await bridge(page, session.service);
        await page.goto(`${session.origin}/index.html#/article/${articleId}`);
        await page.locator('article h1').waitFor();
        await expect.poll(() => requests.some((url) => /\/NotesPanel-[^/]*\.js$/.test(url))).toBe(true);
        expect(await page.locator('.drawer').count()).toBe(0);
      } finally {
        await page.close();
      }
    });

    it('folds the margin notes away at 700×900, where the notes drawer lists them', async () => {
      const page = await open(700, 900);
      try {
        await page.waitForTimeout(300);
        expect(await page.locator('.margin-note').count()).toBe(0);
        await page.getByRole('button', { name: 'الملاحظات', exact: true }).click();
        const drawer = page.getByRole('dialog', { name: 'الملاحظات' });
        await expect.poll(() => drawer.locator('.notes-entry').count()).toBe(NOTED.length);
        await expect(drawer.locator('.notes-entry-note').first().textContent()).resolves.toBe(NOTED[0]?.note);
        // Choosing a passage shows it: the drawer gives way to the text.
        await drawer.locator('.notes-entry-quote').nth(2).click();
        await expect.poll(() => page.locator('.drawer').count()).toBe(0);
        const top = await passageTop(page, 'ورغم بسط سيطرته');
        expect(top).toBeGreaterThan(0);
        expect(top).toBeLessThan(900);
      } finally {
        await page.close();
      }
    });
  },
);

describe.skipIf(unavailable !== null)(
  `margin notes of a long article in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let session: Session;
    let articleId: string;
    const HIGHLIGHTS = 1000;

    beforeAll(async () => {
      session = await openSession();
      // About 1 MB of real Arabic paragraphs, with a thousand noted highlights spread over it.
      const seed = (await readFile(SEED, 'utf8')).split('\n\n').slice(1).join('\n\n');
      const parts = ['مقال طويل للقياس'];
      for (let i = 0; Buffer.byteLength(parts.join('\n\n')) < 1024 * 1024; i++) parts.push(`${i}: ${seed}`);
      const outcome = await session.service.importData({
        name: 'long.txt',
        base64: Buffer.from(parts.join('\n\n')).toString('base64'),
      });
      if (!outcome.ok) throw new Error('the long article was not imported');
      articleId = outcome.id;
      const text = canonicalText((await session.service.openArticle({ id: articleId })).blocks);
      for (let i = 0; i < HIGHLIGHTS; i++) {
        const start = text.indexOf(' ', Math.floor((i * text.length) / HIGHLIGHTS)) + 1;
        await session.service.createHighlight({
          articleId,
          start,
          end: start + 8,
          color: 'green',
          note: `ملاحظة رقم ${i} على هذا المقطع`,
        });
      }
    }, 240_000);

    afterAll(async () => {
      await closeSession(session);
    });

    it('lays out only the notes near the screen, quickly, wherever the reader is', async () => {
      const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ar' });
      try {
        await bridge(page, session.service);
        await page.goto(`${session.origin}/index.html#/article/${articleId}`);
        await page.locator('.margin-note').first().waitFor({ timeout: 30_000 });
        await page.evaluate(() => {
          const w = window as unknown as { costs: Record<string, number[]> };
          w.costs = {};
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) (w.costs[entry.name] ??= []).push(entry.duration);
          }).observe({ entryTypes: ['measure'] });
        });
        const counts: number[] = [];
        const height = await page.locator('.reader-scroll').evaluate((s) => s.scrollHeight);
        for (let stop = 0; stop <= 20; stop++) {
          await page
            .locator('.reader-scroll')
            .evaluate((s, top) => s.scrollTo({ top }), Math.floor((stop * height) / 21));
          await page.waitForTimeout(150);
          const notes = await marginNotes(page);
          counts.push(notes.length);
          const visible = notes.filter((n) => n.box.bottom > 0 && n.box.top < 800);
          for (const [i, note] of visible.entries())
            for (const other of visible.slice(i + 1)) expect(overlap(note.box, other.box)).toBe(false);
        }
        const costs = await page.evaluate(
          () => (window as unknown as { costs: Record<string, number[]> }).costs,
        );
        const summary = Object.fromEntries(
          Object.entries(costs).map(([name, list]) => {
            const sorted = [...list].sort((a, b) => a - b);
            const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
            return [name, { runs: list.length, median: at(0.5), p95: at(0.95), max: at(1) }];
          }),
        );
        console.log('margin notes, 1 MB article, 1000 highlights:', JSON.stringify({ counts, summary }));
        // Never the thousand: only those within a screen of the one shown.
        expect(Math.max(...counts)).toBeLessThan(60);
        expect(Math.min(...counts.slice(1, -1))).toBeGreaterThan(0);
        expect(summary['hamish:margin-find']?.median ?? Infinity).toBeLessThan(50);
      } finally {
        await page.close();
      }
    });
  },
);
