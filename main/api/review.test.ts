import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { dispatch } from './dispatch';
import { createService, type Service } from './service';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

let dir: string;
let service: Service;
let clock: Date;
let articleId: string;
let text: string;

async function open() {
  return createService({ dataDir: dir, now: () => clock });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-review-'));
  clock = new Date(2026, 2, 10, 12, 0, 0);
  service = await createService({ dataDir: dir, defaultArticles: [SEED], now: () => clock });
  articleId = (await service.listArticles({}))[0]?.id ?? '';
  text = canonicalText((await service.openArticle({ id: articleId })).blocks);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function highlight(quote: string, extra: Record<string, unknown> = {}) {
  const start = text.indexOf(quote);
  return service.createHighlight({
    articleId,
    start,
    end: start + quote.length,
    color: 'yellow',
    ...extra,
  });
}

async function secondArticle(): Promise<string> {
  const file = path.join(dir, 'second.txt');
  await writeFile(file, text.replace('دونالد', 'رونالد'));
  const [outcome] = await service.importFiles([file]);
  if (!outcome?.ok) throw new Error('import failed');
  return outcome.id;
}

describe('every highlight in one place', () => {
  it('lists the highlights of every article, newest first, with their article title', async () => {
    const older = await highlight('دونالد ترامب');
    clock = new Date(clock.getTime() + 60_000);
    const newer = await highlight('هزيمة تنظيم', { color: 'green', tags: ['حرب'], note: 'مهم' });
    const { highlights, leftOut } = await service.listAllHighlights({});
    expect(highlights.map((h) => h.id)).toEqual([newer.id, older.id]);
    expect(highlights[0]?.articleTitle).not.toBe('');
    expect(leftOut).toBe(0);
    expect((await service.listAllHighlights({ color: 'green' })).highlights.map((h) => h.id)).toEqual([
      newer.id,
    ]);
    expect((await service.listAllHighlights({ tag: 'حرب' })).highlights).toHaveLength(1);
    expect((await service.listAllHighlights({ query: 'ترامپ' })).highlights).toHaveLength(0);
    expect((await service.listAllHighlights({ query: 'ترامب' })).highlights.map((h) => h.id)).toEqual([
      older.id,
    ]);
  });

  it('gives the list a page at a time, with the total', async () => {
    const quotes = ['دونالد ترامب', 'هزيمة تنظيم', 'الأفريكوم'];
    const made = [];
    for (const quote of quotes) {
      made.push(await highlight(quote));
      clock = new Date(clock.getTime() + 60_000);
    }
    const first = await service.listAllHighlights({ limit: 2 });
    const rest = await service.listAllHighlights({ offset: 2, limit: 2 });
    expect(first.total).toBe(3);
    expect([...first.highlights, ...rest.highlights].map((h) => h.id)).toEqual(
      made.reverse().map((h) => h.id),
    );
  });

  it('leaves out the highlights of an article in the trash, and counts them', async () => {
    const second = await secondArticle();
    const start = canonicalText((await service.openArticle({ id: second })).blocks).indexOf('رونالد');
    await service.createHighlight({ articleId: second, start, end: start + 6, color: 'blue' });
    await highlight('دونالد ترامب');
    await service.trashArticle({ id: second });
    const { highlights, leftOut } = await service.listAllHighlights({});
    expect(highlights.every((h) => h.articleId === articleId)).toBe(true);
    expect(leftOut).toBe(1);
  });

  it('lists an orphan, marked as one', async () => {
    const kept = await highlight('دونالد ترامب');
    const replaced = path.join(dir, 'newer.txt');
    await writeFile(replaced, 'نص آخر تماماً لا يشبه المقال الأول في شيء.');
    await service.updateArticleFrom(articleId, replaced);
    const [found] = (await service.listAllHighlights({})).highlights;
    expect(found).toMatchObject({ id: kept.id, status: 'orphan' });
  });

  it('refuses a malformed day with a clear message', async () => {
    const result = await dispatch(service, 'listAllHighlights', { since: 'yesterday' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/YYYY-MM-DD/);
  });
});

describe('the daily review', () => {
  it('offers due highlights, remembers answers across a restart, and counts the streak', async () => {
    const a = await highlight('دونالد ترامب', { note: 'لماذا؟' });
    const b = await highlight('هزيمة تنظيم');
    const first = await service.reviewSet({});
    expect(first.cards.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(first).toMatchObject({ due: 2, streak: 0, reviewedToday: 0 });
    const answered = await service.answerReview({ articleId, id: a.id, answer: 'keep' });
    expect(answered).toMatchObject({ streak: 1, reviewedToday: 1, review: { interval: 3 } });

    const reopened = await open();
    const again = await reopened.reviewSet({});
    expect(again.cards.map((c) => c.id)).toEqual([b.id]);
    expect(again.streak).toBe(1);

    clock = new Date(clock.getTime() + 86_400_000);
    await reopened.answerReview({ articleId, id: b.id, answer: 'archive' });
    const nextDay = await reopened.reviewSet({});
    expect(nextDay.cards).toHaveLength(0);
    expect(nextDay.streak).toBe(2);

    clock = new Date(clock.getTime() + 2 * 86_400_000);
    expect((await reopened.reviewSet({})).cards.map((c) => c.id)).toEqual([a.id]);
  });

  it('keeps review state in library.json and writes it into the JSON export', async () => {
    const a = await highlight('دونالد ترامب');
    await service.answerReview({ articleId, id: a.id, answer: 'less' });
    const library = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')) as {
      review: { highlights: Record<string, { interval: number }> };
    };
    expect(library.review.highlights[a.id]?.interval).toBe(14);
    const { text: exported } = await service.exportNotes('json', {});
    expect(exported).toContain('"hamish:review"');
  });

  it('comes back with its highlight when a JSON export is restored into another library', async () => {
    const a = await highlight('دونالد ترامب');
    await service.answerReview({ articleId, id: a.id, answer: 'less' });
    const exportFile = path.join(dir, 'export.json');
    await writeFile(exportFile, (await service.exportNotes('json', {})).text);
    const other = await createService({
      dataDir: path.join(dir, 'other'),
      defaultArticles: [SEED],
      now: () => clock,
    });
    const report = await other.restoreFromFile(exportFile);
    expect(report.added).toBe(1);
    const [listed] = (await other.listAllHighlights({})).highlights;
    expect(listed).toMatchObject({ id: a.id, review: { interval: 14, archived: false } });
    // Not due for 14 days there either.
    expect((await other.reviewSet({})).cards).toHaveLength(0);
  });

  it('comes back with the library when a backup is restored', async () => {
    const a = await highlight('دونالد ترامب');
    await service.answerReview({ articleId, id: a.id, answer: 'less' });
    await service.ensureDailyBackup();
    const [backup] = (await service.storeStatus({})).backups;
    clock = new Date(clock.getTime() + 20 * 86_400_000);
    await service.answerReview({ articleId, id: a.id, answer: 'archive' });
    await service.restoreBackup({ name: backup?.name ?? '' });
    const [listed] = (await (await open()).listAllHighlights({})).highlights;
    expect(listed?.review).toMatchObject({ interval: 14, archived: false });
  });

  it('refuses an answer for a highlight that does not exist', async () => {
    await expect(service.answerReview({ articleId, id: 'nope', answer: 'keep' })).rejects.toThrow(/nope/);
  });
});

describe('exporting chosen highlights', () => {
  it('writes only the highlights asked for', async () => {
    const a = await highlight('دونالد ترامب');
    const b = await highlight('هزيمة تنظيم');
    const { text: md } = await service.exportNotes('md', { highlightIds: [b.id] });
    expect(md).toContain('هزيمة تنظيم');
    expect(md).not.toContain(a.target.exact);
  });
});
