import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../annotations/limits';
import { createService, type Service } from './service';

// A restore saves highlights like any other way of saving one: the same note and tag limits apply.

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

let dir: string;
let service: Service;
let articleId: string;
let exportFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-restore-'));
  service = await createService({ dataDir: path.join(dir, 'data'), defaultArticles: [SEED] });
  articleId = (await service.listArticles({}))[0]?.id ?? '';
  const created = await service.createHighlight({
    articleId,
    start: 10,
    end: 20,
    color: 'yellow',
    note: 'ملاحظة',
    tags: ['ليبيا'],
  });
  exportFile = path.join(dir, 'notes.json');
  await writeFile(exportFile, (await service.exportNotes('json', {})).text);
  await service.deleteHighlight({ articleId, id: created.id });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Rewrites the one exported highlight's bodies (its note and tags) in the export file. */
async function withBodies(note: string, tags: string[]): Promise<void> {
  const json = JSON.parse(await readFile(exportFile, 'utf8')) as Record<string, unknown>;
  const annotations = findAnnotations(json);
  expect(annotations).toHaveLength(1);
  for (const annotation of annotations) {
    annotation.body = [
      { type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/markdown' },
      ...tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
    ];
  }
  await writeFile(exportFile, JSON.stringify(json));
}

/** Every object holding a `body` array in the export, wherever the format nests them. */
function findAnnotations(value: unknown): { body: unknown }[] {
  if (Array.isArray(value)) return value.flatMap(findAnnotations);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.body)) return [record as { body: unknown }];
  return Object.values(record).flatMap(findAnnotations);
}

async function highlightCount(): Promise<number> {
  return (await service.openArticle({ id: articleId })).highlights.length;
}

describe('restoring notes', () => {
  it.each([
    ['a note over the limit', 'x'.repeat(MAX_NOTE_LENGTH + 1), ['ليبيا'], /note has 100001 characters/],
    ['a tag over the limit', 'ملاحظة', ['و'.repeat(MAX_TAG_LENGTH + 1)], /a tag has 101 characters/],
    ['too many tags', 'ملاحظة', Array.from({ length: MAX_TAGS + 1 }, (_, i) => `وسم ${i}`), /51 tags/],
  ])('refuses %s, saying which highlight, and changes nothing', async (_, note, tags, why) => {
    await withBodies(note, tags);
    const error = await service.restoreFromFile(exportFile).catch((thrown: unknown) => thrown as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).toMatch(/Nothing was changed/);
    expect((error as Error).message.length).toBeLessThan(1000);
    expect(await highlightCount()).toBe(0);
  });

  it('accepts a note and tags right at the limits, with tags cleaned as when typed', async () => {
    const tags = Array.from({ length: MAX_TAGS }, (_, i) => `وسم ${i}`.padEnd(MAX_TAG_LENGTH, 'ـ'));
    await withBodies('x'.repeat(MAX_NOTE_LENGTH), [...tags, `  ${tags[0] ?? ''} `]);
    expect(await service.restoreFromFile(exportFile)).toMatchObject({ added: 1 });
    const [restored] = (await service.openArticle({ id: articleId })).highlights;
    expect(restored?.note).toHaveLength(MAX_NOTE_LENGTH);
    expect(restored?.tags).toEqual(tags);
  });
});
