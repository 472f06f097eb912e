import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataUri, pngBytes } from '../kits/images';
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

const CAPTION = 'مزارعون يجمعون محصول الزيتون في ريف إدلب صباح الثلاثاء';

/** A news page saved as "Web page, complete": a photo in its _files folder, a chart inline, a table. */
function newsPage(): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>موسم الزيتون</title></head><body>
<header><nav><a href="https://news.example/">الرئيسية</a></nav></header>
<article>
<h1>موسم الزيتون يبدأ مبكرًا هذا العام</h1>
<p>بدأ المزارعون في شمال سوريا جني محصول الزيتون قبل موعده المعتاد بأسبوعين، بعد صيف حار وجاف أثّر في نضج الثمار وحجم الإنتاج المتوقع في معظم المناطق.</p>
<figure><img src="olive_files/harvest.png" alt="أشجار زيتون وسلال" width="480" height="300"><figcaption>${CAPTION}</figcaption></figure>
<p>وقال أحد المزارعين إن الإنتاج هذا العام أقل من العام الماضي، لكن جودة الزيت أفضل، مشيرًا إلى ارتفاع تكاليف النقل والعمالة.</p>
<figure><img src="${dataUri(pngBytes(320, 120, 0x40))}" alt="رسم بياني للإنتاج"><figcaption>الإنتاج بالأطنان خلال خمس سنوات</figcaption></figure>
<table><thead><tr><th>السنة</th><th>الإنتاج (طن)</th></tr></thead>
<tbody><tr><td>٢٠٢٢</td><td>١٢٠٠</td></tr><tr><td>٢٠٢٣</td><td>٩٥٠</td></tr></tbody></table>
<img src="https://tracker.example/pixel.gif" width="1" height="1">
<h2>خطوات العصر</h2>
<ol><li>قطف الثمار<ul><li>باليد</li><li>بالآلة</li></ul></li><li>الغسل والعصر</li></ol>
<pre><code>yield = weight * 0.2; // نسبة الزيت
print(yield)</code></pre>
<hr>
<p>ويتوقع خبراء أن ترتفع أسعار الزيت في الأسواق المحلية خلال الأشهر المقبلة بسبب تراجع الكميات المعروضة.</p>
</article></body></html>`;
}

describe.skipIf(unavailable !== null)(
  `figures and tables in Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let session: Session;
    let page: Page;
    let folder: string;
    let articleId: string;
    let requests: string[];

    beforeAll(async () => {
      session = await openSession();
      folder = await mkdtemp(path.join(os.tmpdir(), 'hamish-saved-page-'));
      await mkdir(path.join(folder, 'olive_files'));
      await writeFile(path.join(folder, 'olive_files', 'harvest.png'), pngBytes(480, 300, 0x2080));
      await writeFile(path.join(folder, 'olive.html'), newsPage());
      const [outcome] = await session.service.importFiles([path.join(folder, 'olive.html')]);
      if (!outcome?.ok) throw new Error(`import failed: ${JSON.stringify(outcome)}`);
      articleId = outcome.id;
      page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
      requests = recordRequests(page);
      await bridge(page, session.service);
      await page.goto(`${session.origin}/index.html#/article/${articleId}`);
      await page.locator('article h1').waitFor();
    });

    afterAll(async () => {
      await closeSession(session);
      await rm(folder, { recursive: true, force: true });
    });

    it('paints both pictures from the data folder, and the table right to left', async () => {
      const images = page.locator('article figure img');
      await expect.poll(() => images.count()).toBe(2);
      for (const index of [0, 1]) {
        const image = images.nth(index);
        await image.scrollIntoViewIfNeeded();
        await expect
          .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
          .toBeGreaterThan(0);
      }
      await expect(images.first().getAttribute('alt')).resolves.toBe('أشجار زيتون وسلال');
      const table = page.locator('article table');
      await expect(table.evaluate((t) => getComputedStyle(t).direction)).resolves.toBe('rtl');
      await expect(table.locator('thead th').first().textContent()).resolves.toContain('السنة');
      await table.scrollIntoViewIfNeeded();
      await page.locator('article figure').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'reader-figure-table-ar.png'), fullPage: false });
      expect(requests.filter((url) => !isLocal(url, session.origin))).toEqual([]);
    });

    it('shows numbered and nested steps, and code left to right', async () => {
      const code = page.locator('article pre');
      await code.scrollIntoViewIfNeeded();
      await expect(code.evaluate((pre) => getComputedStyle(pre).direction)).resolves.toBe('ltr');
      await expect(page.locator('article .list-item[data-number="2"]').textContent()).resolves.toBe(
        'الغسل والعصر',
      );
      await expect(page.locator('article .list-item[data-depth="1"]').count()).resolves.toBe(2);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'reader-code-lists-ar.png') });
    });

    it('highlights a caption like any text', async () => {
      await page.evaluate((quote) => {
        const caption = document.querySelector('article figcaption');
        const text = caption?.firstChild;
        if (!text) throw new Error('no caption');
        const at = (text.textContent ?? '').indexOf(quote);
        document.getSelection()?.setBaseAndExtent(text, at, text, at + quote.length);
      }, 'محصول الزيتون');
      await page.keyboard.press('1');
      await expect
        .poll(async () =>
          (await session.service.openArticle({ id: articleId })).highlights.map((h) => h.target.exact),
        )
        .toEqual(['محصول الزيتون']);
      await expect.poll(async () => (await painted(page))['hamish-yellow']).toEqual(['محصول الزيتون']);
    });

    it('opens a picture large and closes it with Escape', async () => {
      await page.getByRole('button', { name: 'اعرض الصورة مكبّرة' }).first().click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    });

    it('closes only the picture with Escape: the selection in the text stays, focus goes back to the picture', async () => {
      // Once, in a full run, the selection set below came back widened to the end of its word, as the
      // reader widens a selection on a timer after a press ends in the article (use-word-snap.ts), and the
      // test before clicked in it. A timer of our own first: one still pending from that click runs before.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      const selected = await page.evaluate(() => {
        const text = document.querySelector('article p')?.firstChild;
        if (!text) throw new Error('no paragraph');
        document.getSelection()?.setBaseAndExtent(text, 0, text, 12);
        return document.getSelection()?.toString();
      });
      const open = page.getByRole('button', { name: 'اعرض الصورة مكبّرة' }).first();
      await open.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      await expect(page.evaluate(() => document.getSelection()?.toString())).resolves.toBe(selected);
      await expect(open.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
      await page.evaluate(() => document.getSelection()?.removeAllRanges());
    });

    it('exports HTML with the caption’s photo inside it, which opens with no request leaving 127.0.0.1', async () => {
      const { text } = await session.service.exportNotes('html', { articleIds: [articleId] });
      const exported = await session.browser.newPage();
      const sent = recordRequests(exported);
      await exported.setContent(text, { waitUntil: 'load' });
      await expect(exported.locator('body').textContent()).resolves.toContain('محصول الزيتون');
      // The highlighted caption's photo travels inside the file and is painted from it.
      await expect
        .poll(() => exported.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBe(480);
      expect(sent.filter((url) => !url.startsWith('data:') && !url.startsWith('http://127.0.0.1'))).toEqual(
        [],
      );
      await exported.close();
    });
  },
);
