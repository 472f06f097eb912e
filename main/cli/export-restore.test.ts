import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHamish } from '../../test/kits/cli-kit';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

let dir: string;

const hamish = runHamish;

/** A data dir with the seed and three highlights, one with a multi-line note and tags. */
async function library(name: string) {
  const dataDir = path.join(dir, name);
  const id = (await hamish(dataDir, 'import', SEED)).stdout.split('\t')[0] ?? '';
  await hamish(
    dataDir,
    'highlight',
    id,
    '--quote',
    'دونالد ترامب',
    '--note',
    'سطر أول\nسطر "ثانٍ", بفاصلة',
    '--tag',
    'ليبيا',
  );
  await hamish(dataDir, 'highlight', id, '--quote', 'تنظيم الدولة', '--color', 'blue', '--tag', 'داعش');
  await hamish(dataDir, 'highlight', id, '--quote', 'الأفريكوم', '--occurrence', '2', '--color', 'pink');
  return { dataDir, id };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-export-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hamish export', () => {
  it('prints Markdown with every highlight to stdout', async () => {
    const { dataDir } = await library('a');
    const { code, stdout } = await hamish(dataDir, 'export', '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^---\n/);
    for (const quote of ['دونالد ترامب', 'تنظيم الدولة', 'الأفريكوم']) expect(stdout).toContain(quote);
    expect(stdout).toContain('#ليبيا');
  });

  it('writes Readwise CSV to a file that a CSV parser reads back', async () => {
    const { dataDir } = await library('a');
    const file = path.join(dir, 'notes.csv');
    expect((await hamish(dataDir, 'export', '--format', 'csv', '-o', file)).code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'Highlight',
      'Title',
      'Author',
      'URL',
      'Note',
      'Location',
      'Date',
    ]);
    expect(rows.map((r) => r.Highlight).sort()).toEqual(['الأفريكوم', 'تنظيم الدولة', 'دونالد ترامب'].sort());
    expect(rows.find((r) => r.Highlight === 'دونالد ترامب')?.Note).toContain('سطر "ثانٍ", بفاصلة');
  });

  it('exports only what carries a tag', async () => {
    const { dataDir } = await library('a');
    const { stdout } = await hamish(dataDir, 'export', '--format', 'json', '--tag', 'داعش');
    expect(stdout).toContain('تنظيم الدولة');
    expect(stdout).not.toContain('دونالد ترامب');
  });

  it('refuses an unknown format and an unknown article', async () => {
    const { dataDir } = await library('a');
    expect((await hamish(dataDir, 'export', '--format', 'pdf')).code).toBe(2);
    const missing = await hamish(dataDir, 'export', '--format', 'md', '--article', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope');
  });
});

describe('hamish restore', () => {
  it('round-trips: export JSON → empty library → restore → the same annotations', async () => {
    const { dataDir } = await library('a');
    const file = path.join(dir, 'notes.json');
    await hamish(dataDir, 'export', '--format', 'json', '-o', file);
    const fresh = path.join(dir, 'b');
    await hamish(fresh, 'import', SEED);
    const restored = await hamish(fresh, 'restore', file, '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toEqual({ added: 3, identical: 0, conflicts: [] });
    // The restored article has a new id in the new library; everything else must be the same.
    const oldId = (await hamish(dataDir, 'list')).stdout.split('\t')[0] ?? '';
    const newId = (await hamish(fresh, 'list')).stdout.split('\t')[0] ?? '';
    const before = (await hamish(dataDir, 'export', '--format', 'json')).stdout.replaceAll(oldId, newId);
    const after = (await hamish(fresh, 'export', '--format', 'json')).stdout;
    const items = (text: string) => (JSON.parse(text) as { first: { items: unknown[] } }).first.items;
    expect(items(after)).toEqual(items(before));
  });

  it('does not duplicate identical highlights and reports conflicting ones', async () => {
    const { dataDir, id } = await library('a');
    const file = path.join(dir, 'notes.json');
    await hamish(dataDir, 'export', '--format', 'json', '-o', file);
    const shown = JSON.parse((await hamish(dataDir, 'show', id, '--json')).stdout) as {
      highlights: { id: string; exact: string }[];
    };
    const changed = shown.highlights.find((h) => h.exact === 'تنظيم الدولة')?.id ?? '';
    const exported = await readFile(file, 'utf8');
    await writeFile(file, exported.replaceAll('"#داعش"', '"#داعش"').replace('"داعش"', '"تنظيم"'));
    const result = JSON.parse((await hamish(dataDir, 'restore', file, '--json')).stdout) as {
      added: number;
      identical: number;
      conflicts: { id: string }[];
    };
    expect(result.added).toBe(0);
    expect(result.identical).toBe(2);
    expect(result.conflicts.map((c) => c.id)).toEqual([changed]);
  });

  const bad: [string, string, RegExp][] = [
    ['a file that is not JSON', 'not json at all {', /JSON/i],
    ['JSON of another shape', JSON.stringify({ hello: 'world' }), /./],
    [
      'an export from a newer schema version',
      JSON.stringify({ type: 'AnnotationCollection', 'hamish:schemaVersion': 99 }),
      /newer|version/i,
    ],
  ];
  for (const [name, content, message] of bad) {
    it(`refuses ${name} and changes nothing`, async () => {
      const { dataDir, id } = await library('a');
      const before = await readFile(path.join(dataDir, 'annotations', `${id}.json`), 'utf8');
      const file = path.join(dir, 'bad.json');
      await writeFile(file, content);
      const result = await hamish(dataDir, 'restore', file);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain(file);
      await expect(readFile(path.join(dataDir, 'annotations', `${id}.json`), 'utf8')).resolves.toBe(before);
    });
  }

  it('refuses annotations for an article that is not in the library, naming it, and changes nothing', async () => {
    const { dataDir } = await library('a');
    const file = path.join(dir, 'notes.json');
    await hamish(dataDir, 'export', '--format', 'json', '-o', file);
    const other = path.join(dir, 'c');
    const otherFile = path.join(dir, 'other.txt');
    await writeFile(otherFile, 'مقالة أخرى\n\nنص مختلف تماما عن المقالة الأولى.');
    await hamish(other, 'import', otherFile);
    const result = await hamish(other, 'restore', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('الأفريكوم: الحرب على طرابلس');
    expect((await hamish(other, 'list')).stdout).toContain('\t0\t');
  });

  it('refuses a 200 MB file before reading it', async () => {
    const { dataDir } = await library('a');
    const file = path.join(dir, 'huge.json');
    await writeFile(file, '');
    await truncate(file, 200 * 1024 * 1024);
    const result = await hamish(dataDir, 'restore', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/200 MB/);
  });
});
