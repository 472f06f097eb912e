import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arabicBookFiles, zipBook } from '../kits/epub-books';
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
  type Session,
} from './harness';

const unavailable = browserUnavailable();

const FILLER =
  'وكانت الأزقة الضيقة تمتلئ بأصوات الباعة والمارة، والشمس تتسلل بين الشرفات الخشبية القديمة فترسم على الحجارة ظلالًا طويلة.';

/** The Arabic book with each chapter long enough that moving between chapters scrolls far. */
function longBook(): Uint8Array {
  const files = arabicBookFiles();
  for (const name of ['OEBPS/text/ch1.xhtml', 'OEBPS/text/ch2.xhtml', 'OEBPS/text/ch3.xhtml']) {
    const filler = Array.from({ length: 14 }, () => `<p>${FILLER}</p>`).join('');
    files[name] = (files[name] as string).replace('</body>', `${filler}</body>`);
  }
  return zipBook(files);
}

/** Drops a file on the library as a user would: a real drop event carrying a File of the book's bytes. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ fileName, base64 }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], fileName));
      return transfer;
    },
    { fileName: name, base64: Buffer.from(bytes).toString('base64') },
  );
  const target = page.locator('.library-page');
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

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
      document.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
    },
    [from, to] as const,
  );
}

/** Where a heading sits below the top of the reading area, in pixels. */
function headingTop(page: Page, text: string): Promise<number> {
  return page
    .locator('article h2', { hasText: text })
    .evaluate(
      (el) =>
        el.getBoundingClientRect().top - (el.closest('.reader-scroll')?.getBoundingClientRect().top ?? 0),
    );
}

const CHAPTERS = ['الفصل الأول: البداية', 'الفصل الثاني: الطريق', 'في السوق', 'الفصل الثالث: العودة'];

describe.skipIf(unavailable !== null)(
  `an EPUB book in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let session: Session;
    let page: Page;
    let bookId: string;
    let requests: string[];

    beforeAll(async () => {
      session = await openSession();
      page = await session.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'ar' });
      requests = recordRequests(page);
      await bridge(page, session.service);
      await page.goto(`${session.origin}/index.html#/library`);
      await page.locator('.library-page').waitFor();
    });

    afterAll(async () => {
      await closeSession(session);
    });

    it('imports a book dropped on the library, its bytes carried whole', async () => {
      await dropFile(page, 'city.epub', longBook());
      await expect
        .poll(async () => (await session.service.listArticles({})).some((a) => a.title === 'حكاية المدينة'))
        .toBe(true);
      bookId = (await session.service.listArticles({})).find((a) => a.title === 'حكاية المدينة')?.id ?? '';
      await page.goto(`${session.origin}/index.html#/article/${bookId}`);
      await page.locator('article h1').waitFor();
      await expect(page.locator('article h1').textContent()).resolves.toBe('حكاية المدينة');
      await expect(page.locator('article').getAttribute('dir')).resolves.toBe('rtl');
    });

    it("lists the book's own contents, nested, and moves through them marking the chapter being read", async () => {
      const contents = page.getByRole('navigation', { name: 'فهرس الكتاب' });
      if (!(await contents.isVisible())) await page.getByRole('button', { name: 'المحتويات' }).click();
      await expect(contents.getByRole('button').allTextContents()).resolves.toEqual(CHAPTERS);
      // «في السوق» sits in a list inside the second chapter's entry.
      await expect(contents.locator('li li button').allTextContents()).resolves.toEqual(['في السوق']);
      const current = () => contents.locator('[aria-current]').allTextContents();

      await contents.getByRole('button', { name: CHAPTERS[3] }).click();
      await expect.poll(current).toEqual([CHAPTERS[3]]);
      const top = await headingTop(page, CHAPTERS[3] ?? '');
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(60);

      // The second chapter's first section («في السوق») starts a few lines below its heading, above the
      // reading line: the chapter chosen stays marked until the reader scrolls on.
      await contents.getByRole('button', { name: CHAPTERS[1] }).click();
      await expect.poll(current).toEqual([CHAPTERS[1]]);
      const scroller = await page.locator('.reader-scroll').boundingBox();
      await page.mouse.move((scroller?.x ?? 0) + (scroller?.width ?? 0) / 2, (scroller?.y ?? 0) + 300);
      await page.mouse.wheel(0, 60);
      await expect.poll(current).toEqual([CHAPTERS[2]]);
    });

    it('opens a footnote in place, without leaving the passage', async () => {
      const contents = page.getByRole('navigation', { name: 'فهرس الكتاب' });
      await contents.getByRole('button', { name: CHAPTERS[0] }).click();
      const reference = page.locator('article .noteref').first();
      await reference.click();
      const note = page.getByRole('dialog', { name: 'حاشية' });
      await expect(note.textContent()).resolves.toContain('المدينة القديمة هي قلب العاصمة التاريخي.');
      const scrolled = await page.locator('.reader-scroll').evaluate((el) => el.scrollTop);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'book-contents-ar.png') });
      await page.keyboard.press('Escape');
      await expect(note.count()).resolves.toBe(0);
      await expect(page.locator('.reader-scroll').evaluate((el) => el.scrollTop)).resolves.toBe(scrolled);
    });

    it('highlights a passage of the last chapter, kept after a reload', async () => {
      await selectBetween(page, 'عاد الراوي', 'غروب الشمس');
      await page.keyboard.press('1');
      const stored = async () => (await session.service.openArticle({ id: bookId })).highlights;
      await expect
        .poll(async () => (await stored()).map((h) => h.target.exact))
        .toEqual(['عاد الراوي إلى بيته مع غروب الشمس']);
      await page.reload();
      await page.locator('article h1').waitFor();
      await expect
        .poll(async () => Object.values(await painted(page)).flat())
        .toContain('عاد الراوي إلى بيته مع غروب الشمس');
    });

    it('finds a word of the middle chapter in the book', async () => {
      await page.locator('article').focus();
      await page.keyboard.press('Control+f');
      await page.getByRole('searchbox', { name: 'ابحث في المقالة' }).fill('الزعفران');
      await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 من 1');
      const text = canonicalText((await session.service.openArticle({ id: bookId })).blocks);
      expect(text.indexOf('الزعفران')).toBeGreaterThan(text.indexOf(CHAPTERS[1] ?? ''));
      expect(text.indexOf('الزعفران')).toBeLessThan(text.indexOf(CHAPTERS[3] ?? ''));
      await page.keyboard.press('Escape');
      expect(requests.filter((url) => !isLocal(url, session.origin))).toEqual([]);
    });
  },
);
