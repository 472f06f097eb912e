import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHamish } from '../../test/kits/cli-kit';

let dir: string;
let dataDir: string;
const ids: Record<'alpha' | 'beta' | 'gamma', string> = { alpha: '', beta: '', gamma: '' };
const highlightOf: Record<string, string> = {};

const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

/** Three articles with a highlight each; then one of beta's two files is damaged. */
async function library(damaged: 'articles' | 'annotations', bytes: string): Promise<string> {
  for (const name of ['alpha', 'beta', 'gamma'] as const) {
    const file = path.join(dir, `${name}.txt`);
    await writeFile(file, `${name} title\n\nthe ${name} article says something about ${name}fish.`);
    const id = (await hamish('import', file)).stdout.split('\t')[0] ?? '';
    ids[name] = id;
    highlightOf[name] = (await hamish('highlight', id, '--quote', `${name}fish`)).stdout.trim();
  }
  const file = path.join(dataDir, damaged, `${ids.beta}.json`);
  await writeFile(file, bytes);
  return file;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-damaged-'));
  dataDir = path.join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['articles', '{"schemaVersion": 1, "arti'],
  ['annotations', '\0\0\0\0\0\0\0\0'],
] as const)('one damaged %s file among three articles', (where, bytes) => {
  let damagedFile: string;
  beforeEach(async () => {
    damagedFile = await library(where, bytes);
  });

  afterEach(async () => {
    // Reading commands never change a file, least of all a damaged one.
    expect(await readFile(damagedFile, 'utf8')).toBe(bytes);
  });

  it('list shows every article, the damaged one marked with why, and exits 0', async () => {
    const { code, stdout, stderr } = await hamish('--json', 'list');
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { id: string; damaged?: string }[];
    expect(listed.map((a) => a.id)).toEqual([ids.alpha, ids.beta, ids.gamma]);
    expect(listed[0]).not.toHaveProperty('damaged');
    expect(listed[2]).not.toHaveProperty('damaged');
    expect(listed[1]?.damaged).toContain(damagedFile);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(ids.beta);
    expect(stderr).toContain(damagedFile);
    const text = await hamish('list');
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('show of another article works; show of the damaged one fails naming its file', async () => {
    const other = await hamish('show', ids.gamma);
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('gammafish');
    const damaged = await hamish('show', ids.beta);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain(damagedFile);
  });

  it('search finds hits in the other articles, names the damaged one, and exits 1', async () => {
    const { code, stdout, stderr } = await hamish('--json', 'search', 'article');
    expect(code).toBe(1);
    const hits = JSON.parse(stdout) as { articleId: string }[];
    expect(new Set(hits.map((h) => h.articleId))).toEqual(new Set([ids.alpha, ids.gamma]));
    expect(stderr).toContain(ids.beta);
    expect(stderr).toContain(damagedFile);
  });

  it('export of everything writes the other articles, names the damaged one, and exits 1', async () => {
    const file = path.join(dir, 'export.md');
    const { code, stderr } = await hamish('export', '--format', 'md', '-o', file);
    expect(code).toBe(1);
    expect(stderr).toContain(damagedFile);
    const markdown = await readFile(file, 'utf8');
    expect(markdown).toContain('alphafish');
    expect(markdown).toContain('gammafish');
    expect(markdown).not.toContain('betafish');
  });

  it('export of other articles by id is untouched by the damage and exits 0', async () => {
    const { code, stdout, stderr } = await hamish(
      'export',
      '--format',
      'csv',
      '--article',
      ids.alpha,
      '--article',
      ids.gamma,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('alphafish');
    expect(stdout).toContain('gammafish');
  });

  it('export of only the damaged article fails and writes nothing', async () => {
    const file = path.join(dir, 'beta.md');
    const { code, stderr } = await hamish('export', '--format', 'md', '--article', ids.beta, '-o', file);
    expect(code).toBe(1);
    expect(stderr).toContain(damagedFile);
    await expect(readFile(file)).rejects.toThrow();
  });

  it('a note on another article’s highlight is saved, the damaged file left alone', async () => {
    const { code, stderr } = await hamish('note', highlightOf.gamma ?? '', 'ملاحظة');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const shown = JSON.parse((await hamish('--json', 'show', ids.gamma)).stdout) as {
      highlights: { note: string }[];
    };
    expect(shown.highlights[0]?.note).toBe('ملاحظة');
  });
});
