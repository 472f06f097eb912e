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
