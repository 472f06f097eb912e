import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type Service } from './service';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const SEED_TITLE = 'الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا';

let dir: string;
let service: Service;
let seedId: string;
let emptyId: string;
let taggedId: string;

async function importText(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  const [outcome] = await service.importFiles([file]);
  if (!outcome?.ok) throw new Error(`could not import ${name}`);
  return outcome.id;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-export-selection-'));
  service = await createService({ dataDir: path.join(dir, 'data'), defaultArticles: [SEED] });
  seedId = (await service.listArticles({}))[0]?.id ?? '';
  await service.createHighlight({ articleId: seedId, start: 10, end: 20, color: 'yellow', note: '**مهم**' });
  emptyId = await importText(
    'empty.txt',
    'مقال لم يعلق عليه أحد\n\nفقرة أولى من المقال بلا أي مقتطف ولا ملاحظة.\n',
  );
  taggedId = await importText('tagged.txt', 'مقال موسوم فقط\n\nفقرة أولى من مقال عليه وسم دون مقتطفات.\n');
  await service.setArticleNote({ id: taggedId, tags: ['للقراءة'] });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export all', () => {
  it('writes only the articles with highlights, a note or tags', async () => {
    const { text } = await service.exportNotes('md', {});
    expect(text).toContain(`# ${SEED_TITLE}`);
    expect(text).toContain('# مقال موسوم فقط');
    expect(text).not.toContain('مقال لم يعلق عليه أحد');
    expect(text).toContain('articles: 2');
  });

  it('writes every article when asked to include the empty ones', async () => {
    const { text } = await service.exportNotes('md', { includeEmpty: true });
    expect(text).toContain('# مقال لم يعلق عليه أحد');
    expect(text).toContain('articles: 3');
  });

  it('still writes an article without notes that was chosen by name', async () => {
    const { text } = await service.exportNotes('html', { articleIds: [emptyId] });
    expect(text).toContain('<h1>مقال لم يعلق عليه أحد</h1>');
  });
});

describe('export labels in the interface language', () => {
  it('writes Markdown labels and colour names in Arabic when the interface is Arabic', async () => {
    const { text } = await service.exportNotes('md', { articleIds: [seedId], language: 'ar' });
    expect(text).toContain('## المقتطفات\n');
    expect(text).toContain('اللون: الأصفر');
    expect(text).not.toMatch(/Highlights|Colour|yellow/);
  });

  it('writes HTML labels and colour names in Arabic, and in English for an English interface', async () => {
    const ar = (await service.exportNotes('html', { articleIds: [seedId], language: 'ar' })).text;
    expect(ar).toContain('<h2>المقتطفات</h2>');
    expect(ar).toContain('<span dir="auto">اللون: الأصفر</span>');
    expect(ar).toContain('<strong>مهم</strong>');
    const en = (await service.exportNotes('html', { articleIds: [seedId], language: 'en' })).text;
    expect(en).toContain('<h2>Highlights</h2>');
    expect(en).toContain('<span dir="auto">Colour: yellow</span>');
  });

  it('keeps the CSV in the column names and values Readwise reads, whatever the language', async () => {
    const ar = (await service.exportNotes('csv', { articleIds: [seedId], language: 'ar' })).text;
    expect(ar).toBe((await service.exportNotes('csv', { articleIds: [seedId] })).text);
    expect(ar.startsWith('\uFEFFHighlight,Title,Author,URL,Note,Location,Date\r\n')).toBe(true);
  });
});
