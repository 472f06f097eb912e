import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type Service } from './service';

let dir: string;
let service: Service;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-stem-'));
  const file = path.join(dir, 'a.txt');
  await writeFile(file, 'قيادة أفريقيا\n\nأكدت قيادة أفريكوم أن الغارات مستمرة في الجنوب.');
  service = await createService({ dataDir: path.join(dir, 'data') });
  await service.importFiles([file]);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('light stemming, a setting of "search everything"', () => {
  it('is off by default: «الأفريكوم» does not find «أفريكوم»', async () => {
    expect(await service.search({ query: 'الأفريكوم' })).toEqual([]);
  });

  it('when on, finds «أفريكوم» for «الأفريكوم», rebuilding the index', async () => {
    await service.search({ query: 'الغارات' });
    await service.setSettings({ searchStemming: true });
    const groups = await service.search({ query: 'الأفريكوم' });
    expect(groups.flatMap((g) => g.hits.map((h) => h.pieces.match))).toEqual(['أفريكوم']);
  });

  it('never changes find in article', async () => {
    await service.setSettings({ searchStemming: true });
    const [article] = await service.listArticles({});
    expect(await service.findInArticle({ id: article?.id ?? '', query: 'الأفريكوم' })).toEqual([]);
  });
});

describe('searching by highlight colour', () => {
  it('keeps only hits on highlights of that colour (and their notes)', async () => {
    const [article] = await service.listArticles({});
    const id = article?.id ?? '';
    const text = (await service.openArticle({ id })).blocks.map((b) => b.text).join('\n\n');
    const at = (word: string) => text.indexOf(word);
    await service.createHighlight({
      articleId: id,
      start: at('الغارات'),
      end: at('الغارات') + 7,
      color: 'yellow',
      note: 'غارات مهمة',
    });
    await service.createHighlight({
      articleId: id,
      start: at('الجنوب'),
      end: at('الجنوب') + 6,
      color: 'blue',
      note: 'غارات للمراجعة',
    });
    const yellow = await service.search({ query: 'غارات', color: 'yellow' });
    const hits = yellow.flatMap((g) => g.hits);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind !== 'article')).toBe(true);
    expect(hits.map((h) => h.snippet).join(' ')).not.toContain('للمراجعة');
  });
});
