import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../main/api/service';
import {
  bridge,
  browserUnavailable,
  closeSession,
  openSession,
  RESULTS_DIR,
  ROOT,
  type Session,
} from './harness';

const unavailable = browserUnavailable();
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'news');

async function importFixture(service: Service, name: string): Promise<string> {
  const [outcome] = await service.importFiles([path.join(FIXTURES, name)]);
  if (!outcome?.ok) throw new Error(`could not import ${name}`);
  return outcome.id;
}

describe.skipIf(unavailable !== null)(
  `news pages copied as text, in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let session: Session;
    let browser: Browser;
    let page: Page;
    let datedId: string;

    beforeAll(async () => {
      session = await openSession();
      browser = session.browser;
      datedId = await importFixture(session.service, 'news-dateline-byline.txt');
      await importFixture(session.service, 'news-no-title.txt');
      // A title renamed long: the card still shows two lines of it.
      const longId = await importFixture(session.service, 'news-byline-words.txt');
      await session.service.renameArticle({
        id: longId,
        title: 'أزمة المياه في حوض النيل تعود إلى الواجهة '.repeat(8).trim(),
      });
      page = await browser.newPage({ viewport: { width: 900, height: 700 }, locale: 'ar' });
      await bridge(page, session.service);
    });

    afterAll(async () => {
      await closeSession(session);
    });

    it('shows the date line and byline as small paragraphs, and not in the contents', async () => {
      await page.goto(`${session.origin}/index.html#/article/${datedId}`);
      await page.locator('article h1').waitFor();
      const sizes = await page.evaluate(() => {
        const size = (element: Element | null) =>
          element ? parseFloat(getComputedStyle(element).fontSize) : 0;
        return {
          dateline: size(document.querySelector('article p[data-secondary="dateline"]')),
          byline: size(document.querySelector('article p[data-secondary="byline"]')),
          paragraph: size(document.querySelector('article p:not(.secondary)')),
        };
      });
      expect(sizes.dateline).toBeGreaterThan(0);
      expect(sizes.dateline).toBeLessThan(sizes.paragraph);
      expect(sizes.byline).toBe(sizes.dateline);
      expect(await page.locator('article h2').allTextContents()).toEqual(['أهداف البرنامج']);
      const contents = await page.locator('.toc-link').allTextContents();
      expect(contents.join(' ')).not.toContain('2017');
      expect(contents.join(' ')).not.toContain('الرياض');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'news-secondary-lines.png') });
    });

    it('lists the article without a title line under a short made title, two lines at most', async () => {
      await page.goto(`${session.origin}/index.html#/library`);
      const title = page.locator('.library-item-title', { hasText: 'قال وزير الاقتصاد' });
      await title.waitFor();
      expect(await title.textContent()).toBe('قال وزير الاقتصاد في مؤتمر صحفي عقده صباح اليوم في العاصمة…');
      // Every title on a card takes at most two lines.
      const lines = await page.locator('.library-item-title').evaluateAll((elements) =>
        elements.map((element) => {
          const style = getComputedStyle(element);
          return element.getBoundingClientRect().height / parseFloat(style.lineHeight);
        }),
      );
      for (const count of lines) expect(count).toBeLessThanOrEqual(2.05);
      const long = page.locator('.library-item-title', { hasText: 'أزمة المياه' });
      const clamped = await long.evaluate((element) => ({
        lines: element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight),
        cut: element.scrollHeight > element.clientHeight,
      }));
      expect(clamped.cut).toBe(true);
      expect(Math.round(clamped.lines)).toBe(2);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'news-library-titles.png') });
    });
  },
);
