import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH } from '../annotations/limits';
import { runHamish, SEED } from '../../test/kits/cli-kit';

let dir: string;
let dataDir: string;
let articleId: string;
let highlightId: string;

const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

type Shown = { highlights: { id: string; note: string }[] };

async function highlights(): Promise<Shown['highlights']> {
  return (JSON.parse((await hamish('--json', 'show', articleId)).stdout) as Shown).highlights;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-note-delete-'));
  dataDir = path.join(dir, 'data');
  articleId = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
  highlightId = (await hamish('highlight', articleId, '--quote', 'ترامب', '--note', 'قديمة')).stdout.trim();
  expect(highlightId).toMatch(/^[0-9a-f]{16}$/);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hamish note HIGHLIGHT_ID TEXT', () => {
  it('replaces the note and prints the id', async () => {
    const { code, stdout, stderr } = await hamish('note', highlightId, 'ملاحظة **جديدة**\nسطر ثان');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`${highlightId}\n`);
    expect(await highlights()).toEqual([
      expect.objectContaining({ id: highlightId, note: 'ملاحظة **جديدة**\nسطر ثان' }),
    ]);
  });

  it('prints { "id" } with --json, and an empty text clears the note', async () => {
    const { code, stdout } = await hamish('--json', 'note', highlightId, '');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ id: highlightId });
    expect((await highlights())[0]?.note).toBe('');
  });

  it('refuses a note over the limit and keeps the old one', async () => {
    const { code, stderr } = await hamish('note', highlightId, 'ن'.repeat(MAX_NOTE_LENGTH + 1));
    expect(code).toBe(1);
    expect(stderr).toMatch(/at most/);
    expect(stderr.length).toBeLessThan(500);
    expect((await highlights())[0]?.note).toBe('قديمة');
  });

  it('refuses an unknown id, and a 100 KB one without echoing it, changing nothing', async () => {
    const before = await readFile(path.join(dataDir, 'library.json'));
    for (const id of ['0123456789abcdef', 'x'.repeat(100_000), '../library']) {
      const { code, stdout, stderr } = await hamish('note', id, 'نص');
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^hamish: No highlight with id /);
      expect(stderr.length).toBeLessThan(300);
    }
    expect(await readFile(path.join(dataDir, 'library.json'))).toEqual(before);
    expect((await highlights())[0]?.note).toBe('قديمة');
  });

  it('exits 2 without the text', async () => {
    expect((await hamish('note', highlightId)).code).toBe(2);
    expect((await hamish('note')).code).toBe(2);
  });
});

describe('hamish delete HIGHLIGHT_ID', () => {
  it('deletes the highlight and prints the id, { "id" } with --json', async () => {
    const second = (await hamish('highlight', articleId, '--quote', 'ليبيا')).stdout.trim();
    const { code, stdout, stderr } = await hamish('delete', highlightId);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`${highlightId}\n`);
    expect((await highlights()).map((h) => h.id)).toEqual([second]);
    const json = await hamish('--json', 'delete', second);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ id: second });
    expect(await highlights()).toEqual([]);
  });

  it('refuses an id it does not know, a deleted one included, and a 100 KB one', async () => {
    expect((await hamish('delete', highlightId)).code).toBe(0);
    for (const id of [highlightId, 'x'.repeat(100_000)]) {
      const { code, stderr } = await hamish('delete', id);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^hamish: No highlight with id /);
      expect(stderr.length).toBeLessThan(300);
    }
  });

  it('exits 2 on a wrong number of arguments', async () => {
    expect((await hamish('delete')).code).toBe(2);
    expect((await hamish('delete', highlightId, 'extra')).code).toBe(2);
    expect((await highlights()).map((h) => h.id)).toEqual([highlightId]);
  });
});
