import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { dataUri, pngBytes } from '../../test/kits/images';
import { createService, type Service } from './service';

const LEAD = 'بدأ المزارعون جني محصول الزيتون قبل موعده المعتاد بأسبوعين بعد صيف حار وجاف.';
const CAPTION = 'مزارعون يجمعون الزيتون في ريف إدلب';

function page(extra = ''): string {
  return `<html lang="ar"><head><title>الزيتون</title></head><body><article>${extra}<p>${LEAD}</p><figure><img src="${dataUri(pngBytes(4, 4))}" alt="سلال"><figcaption>${CAPTION}</figcaption></figure><table><tr><th>السنة</th><th>الإنتاج</th></tr><tr><td>٢٠٢٣</td><td>تسعمئة وخمسون طنًّا</td></tr></table><p>وقال أحد المزارعين إن جودة الزيت هذا العام أفضل من العام الماضي بكثير.</p></article></body></html>`;
}

let root: string;
let service: Service;
let id: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hamish-figure-text-'));
  service = await createService({ dataDir: path.join(root, 'data') });
  await writeFile(path.join(root, 'olive.html'), page());
  const [outcome] = await service.importFiles([path.join(root, 'olive.html')]);
  if (!outcome?.ok) throw new Error('import failed');
  id = outcome.id;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function highlight(quote: string) {
  const text = canonicalText((await service.openArticle({ id })).blocks);
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return service.createHighlight({ articleId: id, start, end: start + quote.length, color: 'yellow' });
}

describe('captions and table cells are article text', () => {
  it('finds a caption and a table cell with library search', async () => {
    const hits = await service.search({ query: 'تسعمئة', kinds: ['article'] });
    expect(hits.map((hit) => hit.articleId)).toEqual([id]);
    expect((await service.search({ query: 'ريف إدلب', kinds: ['article'] })).length).toBe(1);
  });

  it('highlights across a paragraph into a caption, like across two paragraphs', async () => {
    const across = `وجاف.\n\n${CAPTION.slice(0, 15)}`;
    const created = await highlight(across);
    expect(created.target.exact).toBe(across);
  });

  it('re-anchors highlights of a caption and a cell when the article is updated', async () => {
    const caption = await highlight('يجمعون الزيتون');
    const cell = await highlight('تسعمئة وخمسون');
    const newer = path.join(root, 'olive-2.html');
    await writeFile(newer, page('<p>تحديث: أضيفت هذه الفقرة في أعلى المقال بعد نشره بساعة.</p>'));
    const reports = await service.updateArticleFrom(id, newer);
    expect(reports.find((r) => r.id === caption.id)?.status).toBe('moved');
    expect(reports.find((r) => r.id === cell.id)?.status).toBe('moved');
    const view = await service.openArticle({ id });
    const text = canonicalText(view.blocks);
    for (const h of view.highlights) expect(text.slice(h.start, h.end)).toBe(h.target.exact);
  });
});
