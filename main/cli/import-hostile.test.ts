import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHamish } from '../../test/kits/cli-kit';

/** Importing real and hostile files (test/fixtures) through the CLI and the service. */

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures');
const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const fixture = (name: string) => path.join(FIXTURES, name);

let dir: string;
let dataDir: string;

const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-import-'));
  dataDir = path.join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Shown = {
  title: string;
  lang: string;
  dir: string;
  blocks: { kind: string; text: string; level?: number }[];
};

async function importOne(file: string): Promise<Shown> {
  const result = await hamish('import', file);
  expect(result.stderr).toBe('');
  const id = result.stdout.split('\t')[0] ?? '';
  return JSON.parse((await hamish('show', id, '--json')).stdout) as Shown;
}

describe('importing real files', () => {
  it('reads the seed in windows-1256, UTF-16 LE and UTF-16 BE as the same article', async () => {
    const seed = await importOne(SEED);
    for (const name of ['seed-windows-1256.txt', 'seed-utf16le.txt', 'seed-utf16be.txt']) {
      dataDir = path.join(dir, name);
      const other = await importOne(fixture(name));
      expect(other.blocks, name).toEqual(seed.blocks);
    }
  });

  it('extracts the article from a saved Arabic news page, without its chrome', async () => {
    const page = await importOne(fixture('news-page-ar.html'));
    expect(page.dir).toBe('rtl');
    expect(page.blocks.filter((b) => b.kind === 'heading' && b.level === 2).length).toBeGreaterThanOrEqual(2);
    expect(page.blocks.some((b) => b.kind === 'quote')).toBe(true);
    expect(page.blocks.some((b) => b.kind === 'listItem')).toBe(true);
    const text = page.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/مقالات ذات صلة|التعليقات/);
  });

  it('turns a Markdown essay into headings, quotes and list items, an English quote reading left to right', async () => {
    const essay = await importOne(fixture('essay-ar.md'));
    expect(essay.blocks[0]?.kind).toBe('heading');
    expect(essay.blocks.some((b) => b.kind === 'quote')).toBe(true);
    expect(essay.blocks.some((b) => b.kind === 'listItem')).toBe(true);
  });

  it('normalises Arabic presentation forms to letters', async () => {
    const file = path.join(dir, 'pdf-extract.txt');
    await writeFile(file, 'رواﺋﻴﺎت عربية\n\nنص مستخرج من ملف PDF فيه ﻻ وﻻ.');
    const article = await importOne(file);
    expect(article.title).toBe('روائيات عربية');
    expect(article.blocks[1]?.text).toBe('نص مستخرج من ملف PDF فيه لا ولا.');
  });
});

describe('hostile input: a clear error naming the file, the others still imported, nothing else changed', () => {
  const bad: [string, RegExp][] = [
    ['empty.txt', /empty/],
    ['png-renamed.txt', /not text|binary/i],
    ['nul-bytes.txt', /not text|binary/i],
    ['invalid-utf8.txt', /encoding|decod/i],
  ];
  for (const [name, reason] of bad) {
    it(`refuses ${name}`, async () => {
      await hamish('import', SEED);
      const before = await readFile(path.join(dataDir, 'library.json'), 'utf8');
      const news = fixture('news-page-ar.html');
      const result = await hamish('import', fixture(name), news);
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(fixture(name));
      expect(lines[0]).toMatch(reason);
      expect(result.stdout.trim().split('\n')).toHaveLength(1);
      const list = (await hamish('list')).stdout.trim().split('\n');
      expect(list).toHaveLength(2);
      expect(before.length).toBeGreaterThan(0);
    });
  }

  it('refuses a 60 MB text above the documented 50 MB limit without reading it', async () => {
    const file = path.join(dir, 'huge.txt');
    await writeFile(file, '');
    await truncate(file, 60 * 1024 * 1024);
    const result = await hamish('import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/60 MB is more than the 50 MB limit/);
  });

  it('imports a single 5 MB line', async () => {
    const file = path.join(dir, 'one-line.txt');
    await writeFile(file, 'سطر واحد طويل جدا '.repeat(300_000));
    const result = await hamish('import', file);
    expect(result.code).toBe(0);
  });

  it('refuses HTML nested 100,000 levels deep', async () => {
    const file = path.join(dir, 'deep.html');
    await writeFile(
      file,
      `<html><body>${'<div>'.repeat(100_000)}نص${'</div>'.repeat(100_000)}</body></html>`,
    );
    const result = await hamish('import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/deep|nest/i);
  });

  it('keeps the text of a hostile page and none of its scripts, handlers or dangerous links', async () => {
    const page = await importOne(fixture('hostile.html'));
    const text = page.blocks.map((b) => b.text).join('\n');
    expect(text).toMatch(/[\u0600-\u06FF]/);
    // Text from scripts, handlers, SVG and <noscript> never becomes article text; escaped markup stays literal.
    for (const injected of [
      'نص حقنه السكربت',
      "alert('onload')",
      "alert('click')",
      'svg script',
      'نص لمن عطّل السكربت',
    ]) {
      expect(text).not.toContain(injected);
    }
    expect(text).toContain('<img src=x onerror=alert(1)>');
    const raw = (await hamish('show', (await hamish('list')).stdout.split('\t')[0] ?? '', '--json')).stdout;
    expect(raw).not.toMatch(/javascript:|file:/i);
  });

  it('refuses a file type it does not read', async () => {
    const file = path.join(dir, 'book.pdf');
    await writeFile(file, '%PDF-1.4');
    const result = await hamish('import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(file);
  });
});
