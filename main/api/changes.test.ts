import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type Service } from './service';

// Every method set reports its changes through the service's one change hook; search, already indexed
// before each change, must see it at the next query.
let dir: string;
let service: Service;
let articleId: string;

const kindsFound = async (query: string) =>
  (await service.search({ query })).flatMap((group) => group.hits.map((hit) => hit.kind)).sort();

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-changes-'));
  const file = path.join(dir, 'a.txt');
  await writeFile(file, 'قيادة أفريقيا\n\nأكدت القيادة أن الغارات مستمرة في الجنوب.');
  service = await createService({ dataDir: path.join(dir, 'data') });
  const [outcome] = await service.importFiles([file]);
  articleId = outcome?.ok ? outcome.id : '';
  expect(await kindsFound('الغارات')).toEqual(['article']); // the index is built before the changes below
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('search follows every change', () => {
  it('finds a highlight’s note once it is written, changed and deleted', async () => {
    const highlight = await service.createHighlight({
      articleId,
      start: 0,
      end: 5,
      color: 'yellow',
      note: 'زيتون',
    });
    expect(await kindsFound('زيتون')).toEqual(['note']);
    await service.updateHighlight({ articleId, id: highlight.id, note: 'نخيل' });
    expect(await kindsFound('زيتون')).toEqual([]);
    expect(await kindsFound('نخيل')).toEqual(['note']);
    const deleted = await service.deleteHighlight({ articleId, id: highlight.id });
    expect(await kindsFound('نخيل')).toEqual([]);
    await service.restoreHighlight({ highlight: deleted });
    expect(await kindsFound('نخيل')).toEqual(['note']);
  });

  it('finds an article’s own note, and nothing of an article in the trash', async () => {
    await service.setArticleNote({ id: articleId, note: 'رمان' });
    expect(await kindsFound('رمان')).toEqual(['note']);
    await service.trashArticle({ id: articleId });
    expect(await kindsFound('الغارات')).toEqual([]);
    await service.untrashArticle({ id: articleId });
    expect(await kindsFound('الغارات')).toEqual(['article']);
  });
});
