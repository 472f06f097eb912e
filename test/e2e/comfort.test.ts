import { mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../main/api/settings';
import type { Service } from '../../main/api/service';
import { canonicalText } from '../../shared/article-model';
import { emptyLibrary } from '../../main/store/layout';
import {
  appService,
  bridge,
  browserUnavailable,
  closeSession,
  launchBrowser,
  openSession,
  removeDir,
  RESULTS_DIR,
  ROOT,
  SEED,
  serveRenderer,
  tempDataDir,
} from './harness';

const unavailable = browserUnavailable();
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const THEMES = ['light', 'sepia', 'dark'] as const;
const LANGUAGES = ['ar', 'en'] as const;
const SECTIONS = [
  'هزيمة تنظيم الدولة',
  'تنسيق مع الأمريكيين',
  'مقتل البغدادي بسوريا !',
  'تقلص عناصر داعش',
  'استمرار المراقبة',
];

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

function scrollTo(page: Page, top: number): Promise<void> {
  return page.locator('.reader-scroll').evaluate((el, y) => el.scrollTo({ top: y }), top);
}

function articleFontSize(page: Page): Promise<string> {
  return page
    .locator('article p')
    .first()
    .evaluate((el) => getComputedStyle(el).fontSize);
}

function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** Highlights a few passages through the service, one with a note, as a reader would have. */
async function addHighlights(service: Service, articleId: string): Promise<void> {
  const text = canonicalText((await service.openArticle({ id: articleId })).blocks);
  const passages = [
    ['حاضنة اجتماعية', 'yellow', ''],
    ['القوات الأمريكية في أكثر من مناسبة', 'green', 'تنسيق معلن'],
    ['كريس كارنس', 'blue', ''],
    ['الفراغات الأمنية', 'pink', ''],
  ] as const;
  for (const [quote, color, note] of passages) {
    const start = text.indexOf(quote);
    const created = await service.createHighlight({ articleId, start, end: start + quote.length, color });
    if (note) await service.updateHighlight({ articleId, id: created.id, note });
  }
}

async function ready(page: Page): Promise<void> {
  await page.locator('article h1').waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe.skipIf(unavailable !== null)(
  `reading comfort in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let server: Server;
    let origin: string;
    let dataDir: string;
    let service: Service;
    let page: Page;
    let articleId: string;

    beforeAll(async () => {
      ({ server, origin, browser, dataDir, service } = await openSession());
      articleId = (await service.listArticles({}))[0]?.id ?? '';
      page = await browser.newPage({ viewport: { width: 1100, height: 800 }, locale: 'ar' });
      await bridge(page, service);
      await page.goto(`${origin}/index.html#/article/${articleId}`);
      await ready(page);
      await mkdir(RESULTS_DIR, { recursive: true });
    });

    afterAll(async () => {
      await closeSession({ browser, server, dataDir });
    });

    it('applies a new text size at once, keeps the passage at the top, and keeps both after a reload', async () => {
      await scrollTo(page, 600);
      const before = await topBlock(page);
      expect(before).toBeGreaterThan(1);
      expect(await articleFontSize(page)).toBe('20px');

      const opener = page.getByRole('button', { name: 'الإعدادات' });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: 'الإعدادات' });
      await dialog.waitFor();
      const size = dialog.getByRole('slider', { name: 'حجم النص' });
      await size.focus();
      for (let step = 0; step < 6; step++) await size.press('ArrowUp');
      expect(await articleFontSize(page)).toBe('26px');
      await expect(dialog.locator('output').first().textContent()).resolves.toBe('26 بكسل');
      expect(await topBlock(page)).toBe(before);

      await expect.poll(async () => (await service.getSettings({})).settings.fontSize).toBe(26);
      await page.keyboard.press('Escape');
      await expect(dialog.isVisible()).resolves.toBe(false);
      await expect(opener.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

      // The position saved after the restore (once scrolling rests) is the one the reload comes back to.
      await page.waitForTimeout(500);
      await page.reload();
      await ready(page);
      expect(await articleFontSize(page)).toBe('26px');
      await expect.poll(() => topBlock(page)).toBe(before);
    });

    it('changes the theme at once and can follow the system', async () => {
      await page.getByRole('button', { name: 'الإعدادات' }).click();
      const dialog = page.getByRole('dialog', { name: 'الإعدادات' });
      await dialog.getByRole('radio', { name: 'داكن' }).check();
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
      expect(await pageBackground(page)).toBe('rgb(27, 26, 24)');
      await dialog.getByRole('radio', { name: 'بُنّي دافئ' }).check();
      expect(await pageBackground(page)).toBe('rgb(244, 236, 216)');

      await dialog.getByRole('radio', { name: 'حسب النظام' }).check();
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await pageBackground(page)).toBe('rgb(27, 26, 24)');
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await pageBackground(page)).toBe('rgb(250, 248, 243)');
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await service.getSettings({})).settings.theme).toBe('system');
    });

    it('lists the sections, marks the one being read as the reader scrolls, and jumps to one', async () => {
      await page.getByRole('button', { name: 'المحتويات' }).click();
      const contents = page.getByRole('navigation', { name: 'المحتويات' });
      await expect(contents.getByRole('button').allTextContents()).resolves.toEqual(SECTIONS);
      const current = () => contents.locator('[aria-current]').allTextContents();

      await scrollTo(page, 0);
      await expect.poll(current).toEqual([]);

      await contents.getByRole('button', { name: SECTIONS[3] }).click();
      await expect.poll(current).toEqual([SECTIONS[3]]);
      const headingTop = await page
        .locator('article h2', { hasText: SECTIONS[3] })
        .evaluate(
          (el) =>
            el.getBoundingClientRect().top - (el.closest('.reader-scroll')?.getBoundingClientRect().top ?? 0),
        );
      expect(headingTop).toBeGreaterThanOrEqual(0);
      expect(headingTop).toBeLessThan(60);

      // Scrolling back up by hand moves the mark with the text.
      await page.locator('article h2', { hasText: SECTIONS[1] }).evaluate((el) => el.scrollIntoView());
      await expect.poll(current).toEqual([SECTIONS[1]]);
    });

    it('hides everything but the text in focus mode, with f, the button and Esc', async () => {
      const chrome = ['.topbar', '.notes-panel', '.toc', '.progress'];
      const visible = () =>
        page.evaluate(
          (selectors) => selectors.filter((s) => document.querySelector(s)?.checkVisibility() ?? false),
          chrome,
        );
      expect(await visible()).toEqual(chrome);
      await page.locator('article').focus();
      await page.keyboard.press('f');
      await expect.poll(visible).toEqual([]);
      await expect(page.locator('article p').first().isVisible()).resolves.toBe(true);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'focus-mode-ar.png') });
      await page.keyboard.press('Escape');
      await expect.poll(visible).toEqual(chrome);

      await page.getByRole('button', { name: 'وضع التركيز' }).click();
      await expect.poll(visible).toEqual([]);
      await page.getByRole('button', { name: 'اخرج من وضع التركيز' }).click();
      await expect.poll(visible).toEqual(chrome);
    });

    it('lists the shortcuts on ?, keeps Tab inside, and closes on Esc', async () => {
      await page.locator('article').focus();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
      await dialog.waitFor();
      const text = (await dialog.textContent()) ?? '';
      for (const key of ['h', '1–5', 'Ctrl', 'Shift', 'Esc', 'f', '?']) expect(text).toContain(key);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'shortcuts-ar.png') });
      for (let step = 0; step < 4; step++) {
        await page.keyboard.press('Tab');
        await expect(dialog.evaluate((el) => el.contains(document.activeElement))).resolves.toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(dialog.isVisible()).resolves.toBe(false);
    });

    it('switches the interface to English: the chrome turns left to right, the article stays right to left', async () => {
      await scrollTo(page, 500);
      const before = await topBlock(page);
      await page.getByRole('button', { name: 'الإعدادات' }).click();
      await page.getByRole('radio', { name: 'English' }).check();
      await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(page.getByRole('dialog', { name: 'Settings' }).isVisible()).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.locator('article').getAttribute('dir')).resolves.toBe('rtl');
      const direction = await page
        .locator('article p')
        .first()
        .evaluate((el) => getComputedStyle(el).direction);
      expect(direction).toBe('rtl');
      await expect(page.getByRole('button', { name: 'Library' }).isVisible()).resolves.toBe(true);
      await expect.poll(() => topBlock(page)).toBe(before);
      await expect.poll(async () => (await service.getSettings({})).settings.language).toBe('en');
    });

    it('announces a highlight when it is made and when it is undone', async () => {
      const announcer = page.locator('[data-announcer]');
      await page.evaluate((quote) => {
        for (const block of document.querySelectorAll<HTMLElement>('[data-block]')) {
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent?.indexOf(quote) ?? -1;
            if (at >= 0) return document.getSelection()?.setBaseAndExtent(node, at, node, at + quote.length);
          }
        }
      }, 'حكومة الوفاق');
      await page.keyboard.press('3');
      await expect.poll(() => announcer.textContent()).toBe('Highlight in blue added');
      await page.keyboard.press('Control+z');
      await expect
        .poll(() => announcer.textContent())
        .toBe('Undone: creating the highlight. Highlight in blue deleted');
    });

    it('keeps Tab inside the highlight popover and gives focus back to the notes entry on Esc', async () => {
      const text = canonicalText((await service.openArticle({ id: articleId })).blocks);
      const start = text.indexOf('عدوان حفتر');
      await service.createHighlight({ articleId, start, end: start + 'عدوان حفتر'.length, color: 'purple' });
      await page.reload();
      await ready(page);
      const entry = page.getByRole('button', { name: /^Highlight in purple: عدوان حفتر/ });
      await entry.click();
      const popover = page.getByRole('dialog', { name: 'Highlight in purple' });
      await expect(popover.locator('textarea').evaluate((el) => el === document.activeElement)).resolves.toBe(
        true,
      );
      for (let step = 0; step < 15; step++) {
        await page.keyboard.press(step % 4 === 3 ? 'Shift+Tab' : 'Tab');
        await expect(popover.evaluate((el) => el.contains(document.activeElement))).resolves.toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(popover.count()).resolves.toBe(0);
      await expect(entry.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    });

    it('offers to continue where the reader left off, from the library', async () => {
      await scrollTo(page, 400);
      await expect
        .poll(async () => (await service.listArticles({}))[0]?.progress?.fraction ?? 0)
        .toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Library' }).click();
      const resume = page.getByRole('button', { name: 'Resume' });
      await resume.waitFor(); // the library's code loads when it is first opened
      await expect(resume.isVisible()).resolves.toBe(true);
      await expect(page.locator('.continue').textContent()).resolves.toMatch(/\d+% read/);
      await resume.click();
      await ready(page);
      await expect
        .poll(() => page.locator('.reader-scroll').evaluate((el) => el.scrollTop))
        .toBeGreaterThan(300);
    });
  },
);

describe.skipIf(unavailable !== null)('a settings file with values out of range', () => {
  it('resets them with a notice naming them, and the reader still works', async () => {
    const { server, origin } = await serveRenderer();
    const browser = await launchBrowser();
    const dataDir = await tempDataDir();
    try {
      const settings = { fontSize: 500, theme: 'neon', font: 'amiri', lineHeight: 0 };
      await writeFile(path.join(dataDir, 'library.json'), JSON.stringify({ ...emptyLibrary(), settings }));
      const service = await appService(dataDir);
      await service.importFiles([SEED]);
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, locale: 'ar' });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await bridge(page, service);
      await page.goto(`${origin}/index.html`);
      await ready(page);
      const notice = page.getByRole('status').filter({ hasText: 'أُعيد ضبط بعض الإعدادات' });
      await expect(notice.textContent()).resolves.toContain('حجم النص');
      await expect(notice.textContent()).resolves.toContain('المظهر');
      await expect(notice.textContent()).resolves.toContain('تباعد الأسطر');
      // The valid value is kept; the others fall back to their defaults.
      const family = await page
        .locator('article p')
        .first()
        .evaluate((el) => getComputedStyle(el).fontFamily);
      expect(family.startsWith('Amiri')).toBe(true);
      expect(await articleFontSize(page)).toBe('20px');
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('system');
      await expect(page.locator('article h2').count()).resolves.toBe(5);
      await notice.getByRole('button', { name: 'أخفِ التنبيه' }).click();
      await expect(notice.count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      server.close();
      await removeDir(dataDir);
    }
  });
});

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe-core on the page as it is; returns its violations. */
async function axe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // The page's CSP forbids inline scripts, so these pages are opened with bypassCSP (axe runs only).
  if (!loaded) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const runner = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await runner.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

describe.skipIf(unavailable !== null)('accessibility (axe-core) and screenshots', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let dataDir: string;
  let service: Service;
  let articleId: string;
  const report: Record<string, AxeViolation[]> = {};

  beforeAll(async () => {
    ({ server, origin, browser, dataDir, service } = await openSession());
    articleId = (await service.listArticles({}))[0]?.id ?? '';
    await addHighlights(service, articleId);
    await service.importFiles([path.join(ROOT, 'test', 'fixtures', 'essay-ar.md')]);
    await mkdir(RESULTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await writeFile(path.join(RESULTS_DIR, 'axe-report.json'), JSON.stringify(report, null, 2));
    await closeSession({ browser, server, dataDir });
  });

  for (const language of LANGUAGES) {
    for (const theme of THEMES) {
      it(`finds no serious or critical violation in the ${theme} theme, ${language} interface`, async () => {
        await service.setSettings({ theme, language } satisfies Partial<Settings>);
        // Each run starts from the top (opening a highlight in the previous run scrolled the reader).
        await service.saveProgress({ id: articleId, offset: 0, fraction: 0.35 });
        const page = await browser.newPage({
          viewport: { width: 1280, height: 800 },
          locale: language,
          bypassCSP: true,
        });
        await bridge(page, service);
        const check = async (view: string) => {
          const violations = await axe(page);
          report[`${language}/${theme}/${view}`] = violations;
          return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        };
        try {
          await page.goto(`${origin}/index.html#/library`);
          await page.locator('.library-page .library-item').first().waitFor();
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.screenshot({ path: path.join(RESULTS_DIR, `library-${theme}-${language}.png`) });
          expect(await check('library')).toEqual([]);

          await page.goto(`${origin}/index.html#/article/${articleId}`);
          await ready(page);
          await page.locator('.notes-entry').first().waitFor();
          await scrollTo(page, 0);
          await page.screenshot({ path: path.join(RESULTS_DIR, `reader-${theme}-${language}.png`) });
          expect(await check('reader')).toEqual([]);

          await page.locator('.notes-entry-quote').nth(1).click();
          await page.locator('.popover').waitFor();
          expect(await check('highlight-popover')).toEqual([]);
          await page.keyboard.press('Escape');

          await page.getByRole('button', { name: language === 'ar' ? 'الإعدادات' : 'Settings' }).click();
          await page.locator('dialog.settings-dialog').waitFor();
          await scrollTo(page, 0);
          await page.screenshot({ path: path.join(RESULTS_DIR, `settings-${theme}-${language}.png`) });
          expect(await check('settings')).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
