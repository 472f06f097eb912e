import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridge, browserUnavailable, closeSession, openSession, RESULTS_DIR, type Session } from './harness';

const unavailable = browserUnavailable();

// A news article with vocalised text and enough paragraphs that some passages sit in the lower half of
// every window size tested.
const FILLER = Array.from(
  { length: 14 },
  (_, i) =>
    `وفي الفقرة ${i + 1} من التقرير تابع المراسلون تطورات الوضع الأمني في الجنوب، ونقلوا عن مصادر محلية أن الهدوء عاد إلى المدينة بعد أيام من التوتر.`,
);
const ARTICLE = [
  'القيادة العسكرية في أفريقيا',
  'وأعلنت القيادة العسكرية الأمريكية في أفريقيا أنها نفذت غارة جوية جديدة جنوب البلاد.',
  'قَالَتِ القِيَادَةُ العَسْكَرِيَّةُ إِنَّ الغَارَةَ أَصَابَتْ هَدَفَهَا بِدِقَّةٍ.',
  ...FILLER,
].join('\n\n');

const SIZES = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
  { width: 700, height: 900 },
] as const;

type Box = { top: number; bottom: number; left: number; right: number };

/** The centre of the character at `index` of the first occurrence of `quote`, scrolled to `at` of the height. */
function letterPoint(page: Page, quote: string, index: number, at = 0.5) {
  return page.evaluate(
    ([q, i, where]) => {
      for (const block of document.querySelectorAll<HTMLElement>('[data-block]')) {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const found = node.textContent?.indexOf(q) ?? -1;
          if (found < 0) continue;
          const range = document.createRange();
          range.setStart(node, found + i);
          range.setEnd(node, found + i + 1);
          const scroller = document.querySelector<HTMLElement>('.reader-scroll');
          if (scroller) {
            const box = scroller.getBoundingClientRect();
            scroller.scrollTop += range.getBoundingClientRect().top - box.top - box.height * where;
          }
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`not found: ${q}`);
    },
    [quote, index, at] as const,
  );
}

/** Where the passage `quote` is on screen. */
function passageBox(page: Page, quote: string): Promise<Box> {
  return page.evaluate((q) => {
    for (const block of document.querySelectorAll<HTMLElement>('[data-block]')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const found = node.textContent?.indexOf(q) ?? -1;
        if (found < 0) continue;
        const range = document.createRange();
        range.setStart(node, found);
        range.setEnd(node, found + q.length);
        const { top, bottom, left, right } = range.getBoundingClientRect();
        return { top, bottom, left, right };
      }
    }
    throw new Error(`not found: ${q}`);
  }, quote);
}

function boxOf(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).evaluate((element) => {
    const { top, bottom, left, right } = element.getBoundingClientRect();
    return { top, bottom, left, right };
  });
}

function inside(box: Box, size: { width: number; height: number }): boolean {
  return box.top >= 0 && box.left >= 0 && box.bottom <= size.height && box.right <= size.width;
}

function overlaps(a: Box, b: Box): boolean {
  return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
}

/** Drags the mouse between two points, with Alt held when `exact`. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, exact = false) {
  if (exact) await page.keyboard.down('Alt');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  if (exact) await page.keyboard.up('Alt');
}

type Ring = { name: string; style: string; width: number; ratio: number };

/**
 * Presses Tab `count` times and reads each focus ring from computed styles: the focused element's outline
 * (or, for a control whose ring its card draws, the nearest ancestor's), and its contrast against the first
 * opaque background around it.
 */
async function tabRings(page: Page, count: number): Promise<Ring[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const rings: Ring[] = [];
  for (let step = 0; step < count; step++) {
    await page.keyboard.press('Tab');
    rings.push(
      await page.evaluate(() => {
        // Colours as the browser computes them: rgb()/rgba() strings.
        const parse = (text: string) => {
          const n = text.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
          return { r: n[0] ?? 0, g: n[1] ?? 0, b: n[2] ?? 0, a: n[3] ?? 1 };
        };
        const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
          const c = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
        };
        const focused = document.activeElement as HTMLElement;
        let element: HTMLElement = focused;
        for (let up = 0; up < 4 && getComputedStyle(element).outlineStyle === 'none'; up++)
          element = element.parentElement ?? element;
        if (getComputedStyle(element).outlineStyle === 'none') element = focused;
        const style = getComputedStyle(element);
        // The ring lies outside the element: its background is the first opaque one around it.
        let under = element.parentElement;
        let background = parse('rgb(255 255 255)');
        while (under) {
          const color = parse(getComputedStyle(under).backgroundColor);
          if (color.a > 0.9) {
            background = color;
            break;
          }
          under = under.parentElement;
        }
        const ring = parse(style.outlineColor);
        const [hi, lo] = [lum(ring), lum(background)].sort((a, b) => b - a) as [number, number];
        return {
          name: `${focused.tagName} ${focused.className} ${focused.getAttribute('aria-label') ?? ''}`,
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          ratio: (hi + 0.05) / (lo + 0.05),
        };
      }),
    );
  }
  // Past the last control focus goes to the browser's own interface: the page's body has no ring to draw.
  return rings.filter((ring) => !ring.name.startsWith('BODY'));
}

describe.skipIf(unavailable !== null)(
  `selection, popover, caret and focus in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let session: Session;
    let page: Page;
    let articleId = '';

    const stored = async () => (await session.service.openArticle({ id: articleId })).highlights;
    const clearHighlights = async () => {
      for (const h of await stored()) await session.service.deleteHighlight({ articleId, id: h.id });
    };
    // A fresh page each time: going to the same address with its hash would not load it again.
    const open = async () => {
      await page.goto('about:blank');
      await page.goto(`${session.origin}/index.html#/article/${articleId}`);
      await page.locator('article h1').waitFor();
      await page.locator('[data-block="16"]').waitFor();
      // The saved reading position is restored once fonts and the rest of the text are laid out: wait for
      // that, or it would scroll the text away under the mouse.
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 400))));
    };

    beforeAll(async () => {
      session = await openSession();
      const imported = await session.service.importData({
        name: 'القيادة.txt',
        base64: Buffer.from(ARTICLE, 'utf8').toString('base64'),
      });
      if (!imported.ok) throw new Error(imported.message);
      articleId = imported.id;
      page = await session.browser.newPage({ viewport: SIZES[0], locale: 'ar' });
      await bridge(page, session.service);
      await open();
    });

    afterAll(async () => {
      await closeSession(session);
    });

    it('saves whole words when a drag starts inside القيادة and ends inside العسكرية', async () => {
      await clearHighlights();
      await open();
      const from = await letterPoint(page, 'القيادة العسكرية الأمريكية', 3);
      const to = await letterPoint(page, 'العسكرية الأمريكية', 4);
      await drag(page, from, to);
      await expect
        .poll(() => page.evaluate(() => document.getSelection()?.toString()))
        .toBe('القيادة العسكرية');
      await page.getByRole('toolbar').getByRole('button').first().click();
      await expect
        .poll(async () => (await stored()).map((h) => h.target.exact))
        .toEqual(['القيادة العسكرية']);
      await expect(page.locator('.notes-entry-quote').first().textContent()).resolves.toContain(
        'القيادة العسكرية',
      );
    });

    it('keeps every haraka when snapping a drag inside vocalised words', async () => {
      await clearHighlights();
      await open();
      const from = await letterPoint(page, 'القِيَادَةُ', 4);
      const to = await letterPoint(page, 'العَسْكَرِيَّةُ', 5);
      await drag(page, from, to);
      await expect
        .poll(() => page.evaluate(() => document.getSelection()?.toString()))
        .toBe('القِيَادَةُ العَسْكَرِيَّةُ');
    });

    it('keeps the exact characters of a drag made with Alt held', async () => {
      await clearHighlights();
      await open();
      const from = await letterPoint(page, 'القيادة العسكرية الأمريكية', 3);
      const to = await letterPoint(page, 'العسكرية الأمريكية', 4);
      await drag(page, from, to, true);
      const exact = await page.evaluate(() => document.getSelection()?.toString() ?? '');
      expect(exact.length).toBeGreaterThan(3);
      expect('القيادة العسكرية'.includes(exact), exact).toBe(true);
      expect(exact).not.toBe('القيادة العسكرية');
      await page.keyboard.press('1');
      await expect.poll(async () => (await stored()).map((h) => h.target.exact)).toEqual([exact]);
    });

    it('moves a visible caret through the text, selects from it mid-paragraph, highlights and extends', async () => {
      await clearHighlights();
      await page.setViewportSize(SIZES[0]);
      await open();
      // A click mid-paragraph puts the caret there; the keyboard then moves it, and it is drawn.
      const point = await letterPoint(page, 'تابع المراسلون تطورات الوضع', 0, 0.4);
      await page.mouse.click(point.x + 2, point.y);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+ArrowLeft');
      const caret = page.locator('.reading-caret');
      await expect.poll(() => caret.isVisible()).toBe(true);
      // The caret is drawn in the frame after the selection moves: wait for that frame, then it must sit on
      // the selection's focus, within a pixel or two.
      const caretOffset = () =>
        page.evaluate(() => {
          const s = document.getSelection();
          const range = document.createRange();
          if (s?.focusNode) range.setStart(s.focusNode, s.focusOffset);
          const r = range.getBoundingClientRect();
          const c = document.querySelector('.reading-caret')?.getBoundingClientRect();
          if (!s?.isCollapsed || !c) return Infinity;
          return Math.max(Math.abs(c.left - r.left), Math.abs(c.top - r.top));
        });
      await expect.poll(caretOffset).toBeLessThan(3);
      // Shift+Ctrl+Left selects word by word in reading order, starting from the caret, mid-paragraph.
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.keyboard.press('Control+Shift+ArrowLeft');
      const selected = await page.evaluate(() => document.getSelection()?.toString().trim());
      expect(selected).toBe('المراسلون تطورات');
      await page.keyboard.press('h');
      await expect
        .poll(async () => (await stored()).map((h) => h.target.exact.trim()))
        .toEqual(['المراسلون تطورات']);
      const first = (await stored())[0];
      await expect.poll(() => page.locator('.notes-entry').count()).toBe(1);
      // Selecting on from the end of the highlight and pressing h again grows the same highlight.
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.keyboard.press('h');
      await expect
        .poll(async () => (await stored()).map((h) => [h.id, h.target.exact.trim()]))
        .toEqual([[first?.id, 'المراسلون تطورات الوضع']]);
      await expect
        .poll(() => page.locator('[data-announcer]').allTextContents())
        .toContainEqual(expect.stringContaining('وُسّع تظليل'));
      // Undo gives the highlight its passage back.
      await page.keyboard.press('Control+z');
      await expect
        .poll(async () => (await stored()).map((h) => [h.id, h.target.exact.trim()]))
        .toEqual([[first?.id, 'المراسلون تطورات']]);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'caret-extended.png') });
    });

    it('lists the caret keys in the ? overlay', async () => {
      await open();
      await page.locator('article').focus();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
      await dialog.waitFor();
      const text = (await dialog.textContent()) ?? '';
      for (const line of [
        'حرّك المؤشر في النص',
        'انقل المؤشر إلى بداية السطر',
        'حدّد النص من موضع المؤشر',
        'Home',
        'End',
      ])
        expect(text).toContain(line);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'shortcuts-caret-ar.png') });
      await page.keyboard.press('Escape');
    });

    it('shows the caret on the first line in view when Tab brings focus to the text', async () => {
      await open();
      await page.evaluate(() => {
        document.getSelection()?.removeAllRanges();
        const scroller = document.querySelector<HTMLElement>('.reader-scroll');
        if (scroller) scroller.scrollTop = 600;
        (document.activeElement as HTMLElement | null)?.blur();
      });
      for (let step = 0; step < 30; step++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.tagName === 'ARTICLE')) break;
      }
      const caret = page.locator('.reading-caret');
      await expect.poll(() => caret.isVisible()).toBe(true);
      const where = await page.evaluate(() => {
        const c = document.querySelector('.reading-caret')?.getBoundingClientRect();
        const view = document.querySelector('.reader-scroll')?.getBoundingClientRect();
        return {
          top: c?.top ?? -1,
          viewTop: view?.top ?? 0,
          line: parseFloat(getComputedStyle(document.querySelector('[data-block]') as Element).lineHeight),
        };
      });
      expect(where.top).toBeGreaterThanOrEqual(where.viewTop);
      expect(where.top).toBeLessThan(where.viewTop + where.line * 3);
    });

    it('starts a keyboard selection on the first line in view, not at a paragraph above it', async () => {
      await open();
      await page.evaluate(() => {
        document.getSelection()?.removeAllRanges();
        const scroller = document.querySelector<HTMLElement>('.reader-scroll');
        const block = document.querySelector<HTMLElement>('[data-block="8"]');
        if (!scroller || !block) return;
        // Paragraph 8 starts a line above the view: its second line is the first one wholly in view.
        const lineHeight = parseFloat(getComputedStyle(block).lineHeight);
        scroller.scrollTop +=
          block.getBoundingClientRect().top - scroller.getBoundingClientRect().top + lineHeight * 1.1;
        document.querySelector<HTMLElement>('article')?.focus({ preventScroll: true });
      });
      await page.keyboard.press('Control+Shift+ArrowLeft');
      const result = await page.evaluate(() => {
        const s = document.getSelection();
        const r = s?.getRangeAt(0).getBoundingClientRect();
        const view = document.querySelector('.reader-scroll')?.getBoundingClientRect();
        const block = (s?.anchorNode?.parentElement as HTMLElement | null)?.closest<HTMLElement>(
          '[data-block]',
        );
        return {
          top: r?.top ?? -1,
          viewTop: view?.top ?? 0,
          block: block?.dataset.block,
          text: s?.toString(),
        };
      });
      expect(result.block).toBe('8');
      expect(result.top).toBeGreaterThanOrEqual(result.viewTop);
      expect(result.text?.trim().length).toBeGreaterThan(0);
    });

    for (const theme of ['light', 'sepia', 'dark'] as const) {
      it(`draws every focus ring in the reader at 3:1 or more against its background (${theme} theme)`, async () => {
        await session.service.setSettings({ theme });
        await page.setViewportSize(SIZES[0]);
        await open();
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const rings = await tabRings(page, 16);
        const weak = rings.filter((r) => r.style === 'none' || r.width < 2 || r.ratio < 3);
        expect(weak).toEqual([]);
        expect(rings.some((r) => r.name.startsWith('ARTICLE'))).toBe(true);
        const article = rings.find((r) => r.name.startsWith('ARTICLE'));
        expect(article?.style).toBe('solid');
        await page.locator('article').focus();
        await page.screenshot({ path: path.join(RESULTS_DIR, `focus-ring-${theme}.png`) });
        // The library too: its cards, their actions, the import and export controls.
        await page.goto(`${session.origin}/index.html#/library`);
        await page.locator('.library-page .library-item').first().waitFor();
        const library = await tabRings(page, 20);
        expect(library.filter((r) => r.style === 'none' || r.width < 2 || r.ratio < 3)).toEqual([]);
      });
    }

    it('puts focus on the passage after a search hit is opened with Enter', async () => {
      await session.service.setSettings({ theme: 'light' });
      await open();
      await page.keyboard.press('Control+Shift+F');
      await page.getByRole('searchbox').fill('"هدفها بدقة"');
      const hit = page.locator('.search-hit').first();
      await hit.waitFor();
      await hit.focus();
      await page.keyboard.press('Enter');
      await page.locator('article h1').waitFor();
      await expect
        .poll(() =>
          page.evaluate(() => {
            const active = document.activeElement as HTMLElement | null;
            const block = active?.closest<HTMLElement>('[data-block]');
            return block && active?.closest('article') ? (block.textContent ?? '') : (active?.tagName ?? '');
          }),
        )
        .toContain('هَدَفَهَا بِدِقَّةٍ');
      // The caret is at the hit: the keyboard goes on from there.
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await expect.poll(() => page.evaluate(() => document.getSelection()?.toString().trim())).toBe('هَدَفَهَا');
    });

    for (const size of SIZES) {
      it(`keeps the popover of a highlight in the lower half inside a ${size.width}×${size.height} window, off its passage`, async () => {
        await clearHighlights();
        await page.setViewportSize(size);
        const quote = 'تابع المراسلون تطورات';
        const text = (await session.service.openArticle({ id: articleId })).blocks
          .map((b) => b.text)
          .join('\n\n');
        const start = text.indexOf(quote, text.indexOf('الفقرة 9'));
        await session.service.createHighlight({ articleId, start, end: start + quote.length, color: 'blue' });
        await open();
        // The passage in the lower part of the window (80% down), then opened with a click.
        const point = await letterPoint(page, `9 من التقرير ${quote}`, 16, 0.8);
        await page.mouse.click(point.x, point.y);
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await expect.poll(() => dialog.evaluate((d) => getComputedStyle(d).visibility)).toBe('visible');
        const popover = await boxOf(page, '.popover');
        const passage = await passageBox(page, `9 من التقرير ${quote}`);
        expect(passage.top).toBeGreaterThan(size.height / 2);
        expect(inside(popover, size), JSON.stringify({ popover, size })).toBe(true);
        expect(overlaps(popover, passage), JSON.stringify({ popover, passage })).toBe(false);
        // Every control in it is reached with Tab, and each one reached is on screen.
        const seen: string[] = [];
        for (let step = 0; step < 14; step++) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            const r = element?.getBoundingClientRect();
            return {
              name: element?.getAttribute('aria-label') ?? element?.tagName ?? '',
              role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? '',
              box: r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null,
              inDialog: !!element?.closest('[role="dialog"]'),
            };
          });
          expect(focused.inDialog).toBe(true);
          expect(focused.box && inside(focused.box, size), JSON.stringify(focused)).toBe(true);
          seen.push(focused.role);
        }
        expect(seen).toContain('combobox');
        await page.screenshot({ path: path.join(RESULTS_DIR, `popover-${size.width}x${size.height}.png`) });
        // The text scrolled under the open popover: it follows its passage, still inside and still off it.
        await page.evaluate(() => {
          const scroller = document.querySelector<HTMLElement>('.reader-scroll');
          if (scroller) scroller.scrollTop += 160;
        });
        const moved = await passageBox(page, `9 من التقرير ${quote}`);
        expect(moved.top).toBeLessThan(passage.top - 100);
        await expect
          .poll(async () => {
            const now = await boxOf(page, '.popover');
            return inside(now, size) && !overlaps(now, moved);
          })
          .toBe(true);
        await page.keyboard.press('Escape');
      });

      it(`keeps the selection toolbar inside a ${size.width}×${size.height} window and off the selection`, async () => {
        await page.setViewportSize(size);
        await open();
        // A selection at the very top of the text area: the toolbar goes below it instead of under the top bar.
        const from = await letterPoint(page, 'وفي الفقرة 3 من', 0, 0.02);
        const to = await letterPoint(page, 'وفي الفقرة 3 من', 12, 0.02);
        await drag(page, from, to);
        const toolbar = page.getByRole('toolbar', { name: 'ألوان التظليل' });
        await toolbar.waitFor();
        await expect.poll(() => toolbar.evaluate((d) => getComputedStyle(d).visibility)).toBe('visible');
        const box = await boxOf(page, '.selection-toolbar');
        const selected = await page.evaluate(() => {
          const r = document.getSelection()?.getRangeAt(0).getBoundingClientRect();
          return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
        });
        expect(inside(box, size), JSON.stringify({ box, size })).toBe(true);
        expect(selected && overlaps(box, selected), JSON.stringify({ box, selected })).toBe(false);

        // A selection of two paragraphs whose start is scrolled above the window: no room above it, so the
        // toolbar goes below its end rather than over its visible lines.
        const spread = await page.evaluate(() => {
          const first = document.querySelector('[data-block="6"]')?.firstChild;
          const last = document.querySelector('[data-block="7"]')?.firstChild;
          const scroller = document.querySelector<HTMLElement>('.reader-scroll');
          if (!first || !last || !scroller) return null;
          document.getSelection()?.setBaseAndExtent(first, 0, last, 20);
          const range = document.getSelection()?.getRangeAt(0);
          const top = range?.getBoundingClientRect().top ?? 0;
          scroller.scrollTop += top + 30;
          const r = range?.getBoundingClientRect();
          return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
        });
        expect(spread && spread.top < 0 && spread.bottom < size.height - 80, JSON.stringify(spread)).toBe(
          true,
        );
        await expect
          .poll(async () => {
            const now = await boxOf(page, '.selection-toolbar');
            return inside(now, size) && !!spread && !overlaps(now, { ...spread, top: 0 });
          })
          .toBe(true);
        await page.screenshot({ path: path.join(RESULTS_DIR, `toolbar-${size.width}x${size.height}.png`) });
        await page.evaluate(() => document.getSelection()?.removeAllRanges());
      });
    }
  },
);
