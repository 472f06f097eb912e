import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
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
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Serious and critical axe-core violations on the page as it is. */
async function axe(page: Page): Promise<AxeViolation[]> {
  // The page's CSP forbids inline scripts, so these pages are opened with bypassCSP (axe runs only).
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
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
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(unavailable !== null)('highlights view and daily review in the browser', () => {
  let session: Session;
  let articleId: string;
  const passages: string[] = [];

  beforeAll(async () => {
    session = await openSession();
    const { service } = session;
    articleId = (await service.listArticles({}))[0]?.id ?? '';
    const article = await service.openArticle({ id: articleId });
    const text = canonicalText(article.blocks);
    // The opening words of the first four paragraphs, each highlighted; two with a note.
    const paragraphs = article.blocks.filter((b) => b.kind === 'paragraph').slice(0, 4);
    for (const [i, block] of paragraphs.entries()) {
      const quote = block.text.slice(0, 24).trim();
      const start = text.indexOf(quote);
      await service.createHighlight({
        articleId,
        start,
        end: start + quote.length,
        color: i % 2 === 0 ? 'yellow' : 'green',
        note: i < 2 ? `ملاحظة **رقم ${i + 1}**` : '',
      });
      passages.push(quote);
    }
    await mkdir(RESULTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await closeSession(session);
  });

  async function newPage(language: 'ar' | 'en' = 'en'): Promise<Page> {
    await session.service.setSettings({ language });
    const page = await session.browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: language,
      bypassCSP: true,
    });
    await bridge(page, session.service);
    return page;
  }

  it('tags two highlights together from the highlights view, opened by Ctrl+Shift+H', async () => {
    const page = await newPage();
    try {
      await page.goto(`${session.origin}/index.html#/library`);
      await page.locator('.library-page .library-item').first().waitFor();
      await page.keyboard.press('Control+Shift+H');
      await page.getByRole('heading', { name: 'Highlights' }).waitFor();
      await page.getByRole('checkbox', { name: `Choose the highlight «${passages[0]}»` }).check();
      await page.getByRole('checkbox', { name: `Choose the highlight «${passages[2]}»` }).check();
      await page.getByRole('textbox', { name: 'Tag' }).fill('مراجعة');
      await page.getByRole('button', { name: 'Add tag' }).click();
      await page.getByText('Tag «مراجعة» added to 2 highlights.').waitFor();
      // What the files on disk say, read by a fresh service.
      const { highlights } = await session.service.listAllHighlights({ tag: 'مراجعة' });
      expect(highlights.map((h) => h.target.exact).sort()).toEqual([passages[0], passages[2]].sort());
    } finally {
      await page.close();
    }
  });

  it('runs a whole review session by keyboard, and the answers and note are on disk', async () => {
    const page = await newPage();
    try {
      await page.goto(`${session.origin}/index.html#/review`);
      await page.locator('.review-card').waitFor();
      await page.getByText('0 of 4').waitFor();
      await page.keyboard.press('1');
      await page.getByText('1 of 4').waitFor();
      await page.keyboard.press('2');
      await page.getByText('2 of 4').waitFor();
      await page.keyboard.press('e');
      const note = page.getByRole('textbox', { name: 'Note' });
      await note.waitFor();
      await note.fill('كتبتها أثناء المراجعة');
      await page.keyboard.press('Control+Enter');
      await page.getByText('Note saved.').waitFor();
      await note.waitFor({ state: 'detached' });
      const edited = (await page.locator('#review-passage mark').textContent()) ?? '';
      await page.keyboard.press(' ');
      await page.getByText('3 of 4').waitFor();
      await page.keyboard.press('3');
      await page.getByText('That is all for this session.').waitFor();
      await page.getByText('1 day in a row').waitFor();

      const library = JSON.parse(await readFile(path.join(session.dataDir, 'library.json'), 'utf8')) as {
        review: { highlights: Record<string, { interval: number; archived: boolean }>; days: string[] };
      };
      const states = Object.values(library.review.highlights);
      expect(states.map((s) => s.interval).sort((a, b) => a - b)).toEqual([0, 3, 14]);
      expect(states.filter((s) => s.archived)).toHaveLength(1);
      expect(library.review.days).toHaveLength(1);
      const { highlights } = await session.service.listAllHighlights({});
      expect(highlights.find((h) => h.target.exact === edited.trim())?.note).toBe('كتبتها أثناء المراجعة');
      // The one skipped is the only one still due today.
      expect((await session.service.reviewSet({})).cards).toHaveLength(1);
    } finally {
      await page.close();
    }
  });

  for (const language of ['ar', 'en'] as const) {
    it(`has no serious accessibility violation in either view (${language}), and looks right`, async () => {
      const page = await newPage(language);
      try {
        await page.goto(`${session.origin}/index.html#/highlights`);
        await page.locator('.highlight-row').first().waitFor();
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.screenshot({ path: path.join(RESULTS_DIR, `highlights-${language}.png`) });
        expect(await axe(page)).toEqual([]);
        await page.locator('.highlight-row input[type=checkbox]').first().check();
        expect(await axe(page)).toEqual([]);

        await page.goto(`${session.origin}/index.html#/review`);
        await page.locator('.review-card, .review-empty').first().waitFor();
        await page.screenshot({ path: path.join(RESULTS_DIR, `review-${language}.png`) });
        expect(await axe(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
