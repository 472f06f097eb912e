import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHamish } from '../../test/kits/cli-kit';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

let dir: string;
let dataDir: string;

const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-search-cli-'));
  dataDir = path.join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Hit = { articleId: string; kind: string; start: number; end: number; snippet: string };

describe('hamish search', () => {
  it('finds a word typed without hamza, with canonical offsets of the match', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    const hits = JSON.parse((await hamish('search', 'الافريكوم', '--json')).stdout) as Hit[];
    expect(hits.length).toBeGreaterThan(0);
    const shown = JSON.parse((await hamish('show', id, '--json')).stdout) as { blocks: { text: string }[] };
    const text = shown.blocks.map((b) => b.text).join('\n\n');
    for (const hit of hits.filter((h) => h.kind === 'article')) {
      expect(text.slice(hit.start, hit.end)).toMatch(/الأفريكوم/);
    }
  });

  it('prints ARTICLE_ID, KIND, START, END and a one-line snippet', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    const { code, stdout } = await hamish('search', 'دونالد', 'ترامب');
    expect(code).toBe(0);
    const [line] = stdout.trim().split('\n');
    expect(line?.split('\t')).toEqual([
      id,
      'article',
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      expect.stringContaining('دونالد'),
    ]);
  });

  it('searches notes and highlights, with filters', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    await hamish(
      'highlight',
      id,
      '--quote',
      'تنظيم الدولة',
      '--note',
      'ملاحظة عن المسؤولين',
      '--tag',
      'سياسة',
    );
    const notes = JSON.parse(
      (await hamish('search', 'مسئولين', '--only', 'notes', '--json')).stdout,
    ) as Hit[];
    expect(notes.map((h) => h.kind)).toEqual(['note']);
    const highlights = JSON.parse(
      (await hamish('search', 'تنظيم', '--only', 'highlights', '--json')).stdout,
    ) as Hit[];
    expect(highlights.map((h) => h.kind)).toEqual(['highlight']);
    const tagged = JSON.parse((await hamish('search', 'تنظيم', '--tag', 'سياسة', '--json')).stdout) as Hit[];
    expect(tagged.every((h) => h.kind !== 'article')).toBe(true);
  });

  it('answers sensibly to empty, punctuation-only, huge and regex-like queries', async () => {
    await hamish('import', SEED);
    for (const query of [' ', 'ًٌٍ', '؟!،.', '.*(', '"unpaired', 'ب'.repeat(10_000)]) {
      const result = await hamish('search', query, '--json');
      expect(result.code, query.slice(0, 20)).toBe(0);
      expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
    }
    const literal = await hamish('search', '.*(', '--json');
    expect(JSON.parse(literal.stdout)).toEqual([]);
  });

  it('finds a newly imported article without restarting', async () => {
    await hamish('import', SEED);
    const other = path.join(dir, 'other.txt');
    await writeFile(other, 'مقالة عن الزراعة\n\nالزراعة في الجنوب الليبي تواجه الجفاف.');
    await hamish('import', other);
    const hits = JSON.parse((await hamish('search', 'الجفاف', '--json')).stdout) as Hit[];
    expect(hits).toHaveLength(1);
  });

  it('exits 2 without a query and on a bad filter', async () => {
    expect((await hamish('search')).code).toBe(2);
    expect((await hamish('search', 'x', '--only', 'everything')).code).toBe(2);
  });
});
