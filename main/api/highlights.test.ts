import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { dispatch } from './dispatch';
import { createService, type Service } from './service';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const QUOTE = 'دونالد ترامب';

let dir: string;
let service: Service;
let articleId: string;
let text: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-highlights-'));
  service = await createService({ dataDir: dir, defaultArticles: [SEED] });
  articleId = (await service.listArticles({}))[0]?.id ?? '';
  text = canonicalText((await service.openArticle({ id: articleId })).blocks);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const annotationsFile = () => path.join(dir, 'annotations', `${articleId}.json`);

async function highlight(quote = QUOTE, extra: Record<string, unknown> = {}) {
  const start = text.indexOf(quote);
  const result = await dispatch(service, 'createHighlight', {
    articleId,
    start,
    end: start + quote.length,
    color: 'yellow',
    ...extra,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { id: string; start: number; end: number; target: { exact: string } };
}

describe('highlights', () => {
  it('are saved with their quote and context and read back after a restart', async () => {
    const created = await highlight(QUOTE, { note: 'ملاحظة مهمة', tags: ['ليبيا'] });
    expect(created.target.exact).toBe(QUOTE);
    const reopened = await createService({ dataDir: dir });
    const [found] = (await reopened.openArticle({ id: articleId })).highlights;
    expect(found).toMatchObject({ id: created.id, status: 'exact', note: 'ملاحظة مهمة', tags: ['ليبيا'] });
    expect(text.slice(found?.start, found?.end)).toBe(QUOTE);
  });

  it('may span paragraphs and headings, and overlap', async () => {
    const across = text.slice(text.indexOf('في ليبيا.'), text.indexOf('ورغم بسط') + 8);
    const a = await highlight(across);
    const b = await highlight('هزيمة تنظيم');
    const list = (await service.openArticle({ id: articleId })).highlights;
    expect(list.map((h) => h.id)).toEqual([a.id, b.id]);
    expect(list[0]?.target.exact).toContain('\n\n');
  });

  it('change colour, note and tags, touching only the annotations file', async () => {
    const created = await highlight();
    const libraryBefore = await stat(path.join(dir, 'library.json'));
    const result = await dispatch(service, 'updateHighlight', {
      articleId,
      id: created.id,
      color: 'blue',
      note: '**مهم** جدا',
      tags: ['  سياسة  ', 'سياسة', 'Libya', 'libya'],
    });
    expect(result).toMatchObject({
      ok: true,
      value: { color: 'blue', note: '**مهم** جدا', tags: ['سياسة', 'Libya'] },
    });
    expect((await stat(path.join(dir, 'library.json'))).mtimeMs).toBe(libraryBefore.mtimeMs);
  });

  it('extend to a new passage, keeping their id, note and tags, and described afresh', async () => {
    const created = await highlight(QUOTE, { note: 'ملاحظة', tags: ['ليبيا'] });
    const longer = 'الرئيس الأمريكي “دونالد ترامب” مساء';
    const start = text.indexOf(longer);
    const result = await dispatch(service, 'updateHighlight', {
      articleId,
      id: created.id,
      start,
      end: start + longer.length,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { id: created.id, note: 'ملاحظة', tags: ['ليبيا'], start, target: { exact: longer } },
    });
    const reopened = await createService({ dataDir: dir });
    const list = (await reopened.openArticle({ id: articleId })).highlights;
    expect(list.map((h) => h.target.exact)).toEqual([longer]);
    const half = await dispatch(service, 'updateHighlight', { articleId, id: created.id, start });
    expect(half).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('can be deleted and restored (undo)', async () => {
    const created = await highlight();
    const deleted = await dispatch(service, 'deleteHighlight', { articleId, id: created.id });
    expect(deleted.ok).toBe(true);
    expect((await service.openArticle({ id: articleId })).highlights).toEqual([]);
    const restored = await dispatch(service, 'restoreHighlight', {
      highlight: deleted.ok ? deleted.value : null,
    });
    expect(restored).toMatchObject({ ok: true, value: { id: created.id, status: 'exact' } });
    expect(
      await dispatch(service, 'restoreHighlight', { highlight: deleted.ok ? deleted.value : null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('collect their tags for completion, with the article tags', async () => {
    await highlight(QUOTE, { tags: ['ليبيا', 'داعش'] });
    await dispatch(service, 'setArticleNote', { id: articleId, note: 'مقال مهم', tags: ['أخبار'] });
    const tags = await dispatch(service, 'listTags', {});
    expect(tags.ok && [...(tags.value as string[])].sort()).toEqual(['أخبار', 'داعش', 'ليبيا'].sort());
    expect((await service.listArticles({}))[0]).toMatchObject({ tags: ['أخبار'], highlights: 1 });
  });
});

describe('grapheme boundaries', () => {
  it('widen a passage that starts or ends between a letter and its harakat', async () => {
    const dir2 = await mkdtemp(path.join(os.tmpdir(), 'hamish-marks-'));
    try {
      const file = path.join(dir2, 'verse.txt');
      await writeFile(file, 'بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ\n\nنص ثانٍ طويل بما يكفي ليكون فقرة.');
      const marked = await createService({ dataDir: path.join(dir2, 'data') });
      const [imported] = await marked.importFiles([file]);
      const id = imported?.ok ? imported.id : '';
      const title = 'بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ';
      const at = title.indexOf('اللَّهِ');
      // Start after the alef (inside nothing), end between the final ه and its kasra.
      const created = await marked.createHighlight({
        articleId: id,
        start: at,
        end: at + 'اللَّه'.length,
        color: 'yellow',
      });
      expect(created.target.exact).toBe('اللَّهِ');
      // Start between ب and its kasra: moves back to the ب.
      const second = await marked.createHighlight({ articleId: id, start: 1, end: 4, color: 'green' });
      expect(second.target.exact).toBe('بِسْ');
    } finally {
      await rm(dir2, { recursive: true, force: true });
    }
  });
});

describe('bad input writes nothing', () => {
  const cases: [string, (start: number) => Record<string, unknown>][] = [
    ['an empty selection', (s) => ({ start: s, end: s })],
    ['a reversed selection', (s) => ({ start: s + 5, end: s })],
    ['offsets past the end', () => ({ start: 10, end: 10_000_000 })],
    ['a negative offset', () => ({ start: -1, end: 5 })],
    ['a colour outside the palette', (s) => ({ start: s, end: s + 4, color: 'red' })],
    ['a 1 MB note', (s) => ({ start: s, end: s + 4, note: 'م'.repeat(1024 * 1024) })],
    ['a tag of only spaces', (s) => ({ start: s, end: s + 4, tags: ['   '] })],
    ['a 500-character tag', (s) => ({ start: s, end: s + 4, tags: ['و'.repeat(500)] })],
    ['an unknown article', (s) => ({ articleId: 'nope', start: s, end: s + 4 })],
  ];
  for (const [name, input] of cases) {
    it(`refuses ${name}`, async () => {
      const start = text.indexOf(QUOTE);
      const result = await dispatch(service, 'createHighlight', {
        articleId,
        color: 'yellow',
        ...input(start),
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
      await expect(stat(annotationsFile())).rejects.toThrow();
    });
  }

  it('refuses a selection of only spaces and line breaks', async () => {
    const gap = text.indexOf('\n\n');
    const result = await dispatch(service, 'createHighlight', {
      articleId,
      start: gap,
      end: gap + 2,
      color: 'green',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(stat(annotationsFile())).rejects.toThrow();
  });

  it('refuses an unknown highlight id', async () => {
    await highlight();
    const before = await readFile(annotationsFile(), 'utf8');
    for (const method of ['updateHighlight', 'deleteHighlight'] as const) {
      const result = await dispatch(service, method, { articleId, id: 'nope', note: 'x' });
      expect(result.ok).toBe(false);
    }
    await expect(readFile(annotationsFile(), 'utf8')).resolves.toBe(before);
  });
});

describe('updating an article', () => {
  it('re-anchors its highlights and keeps the ones it cannot find as orphans', async () => {
    const kept = await highlight(QUOTE, { note: 'يبقى' });
    const lost = await highlight('استمرار المراقبة', { note: 'سيتيم' });
    const newer = (await readFile(SEED, 'utf8'))
      .replace('استمرار المراقبة\n', '')
      .replace('فشل “تنظيم الدولة”', 'مقدمة جديدة أضيفت هنا.\n\nفشل “تنظيم الدولة”');
    const file = path.join(dir, 'newer.txt');
    await writeFile(file, newer);
    const reports = await service.updateArticleFrom(articleId, file);
    expect(Object.fromEntries(reports.map((r) => [r.id, r.status]))).toEqual({
      [kept.id]: 'moved',
      [lost.id]: 'orphan',
    });
    const view = await service.openArticle({ id: articleId });
    const newText = canonicalText(view.blocks);
    const keptNow = view.highlights.find((h) => h.id === kept.id);
    expect(newText.slice(keptNow?.start, keptNow?.end)).toBe(QUOTE);
    expect(view.highlights.find((h) => h.id === lost.id)).toMatchObject({ status: 'orphan', note: 'سيتيم' });
  });
});
