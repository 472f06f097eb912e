import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHamish } from '../../test/kits/cli-kit';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');
const TITLE = 'الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا';

let dir: string;
let dataDir: string;

const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-cli-'));
  dataDir = path.join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hamish import / list / show', () => {
  it('imports a file and prints ID<TAB>TITLE', async () => {
    const { code, stdout, stderr } = await hamish('import', SEED);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^[0-9a-f]{16}\\t${TITLE}\\n$`));
  });

  it('lists articles as ID, title, highlights and tags', async () => {
    const imported = await hamish('import', SEED);
    const id = imported.stdout.split('\t')[0];
    const { code, stdout } = await hamish('list');
    expect(code).toBe(0);
    expect(stdout).toBe(`${id}\t${TITLE}\t0\t\n`);
  });

  it('prints JSON with --json', async () => {
    const imported = JSON.parse((await hamish('--json', 'import', SEED)).stdout) as {
      id: string;
      title: string;
    }[];
    expect(imported).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{16}$/), title: TITLE }]);
    const list = JSON.parse((await hamish('list', '--json')).stdout) as unknown;
    expect(list).toEqual([{ id: imported[0]?.id, title: TITLE, highlights: 0, tags: [] }]);
  });

  it('shows an article block by block, and as JSON with offsets', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    const text = await hamish('show', id);
    expect(text.code).toBe(0);
    expect(text.stdout.startsWith(`# ${TITLE}\n\n`)).toBe(true);
    expect(text.stdout).toContain('## هزيمة تنظيم الدولة\n\n');
    const json = JSON.parse((await hamish('show', id, '--json')).stdout) as {
      dir: string;
      lang: string;
      blocks: { kind: string; text: string; level?: number }[];
      highlights: unknown[];
    };
    expect(json.dir).toBe('rtl');
    expect(json.lang).toBe('ar');
    expect(json.blocks[0]).toEqual({ kind: 'heading', text: TITLE, level: 1 });
    expect(json.blocks.filter((b) => b.kind === 'heading' && b.level === 2)).toHaveLength(5);
    expect(json.highlights).toEqual([]);
  });

  it('says the same content is already there instead of importing it twice', async () => {
    const first = await hamish('import', SEED);
    const second = await hamish('import', SEED);
    expect(second.stdout).toBe(first.stdout);
    expect((await hamish('list')).stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('hamish highlight / update', () => {
  it('highlights a quote and shows it with its note and tags', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    const created = await hamish(
      'highlight',
      id,
      '--quote',
      'دونالد ترامب',
      '--color',
      'green',
      '--note',
      'ملاحظة',
      '--tag',
      'ليبيا',
      '--tag',
      'أمريكا',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const highlightId = created.stdout.trim();
    expect(highlightId).toMatch(/^[0-9a-f]{16}$/);
    const shown = JSON.parse((await hamish('show', id, '--json')).stdout) as { highlights: unknown[] };
    expect(shown.highlights).toEqual([
      expect.objectContaining({
        id: highlightId,
        exact: 'دونالد ترامب',
        color: 'green',
        note: 'ملاحظة',
        tags: ['ليبيا', 'أمريكا'],
        status: 'exact',
      }),
    ]);
    expect((await hamish('list')).stdout).toContain(`\t1\t`);
  });

  it('highlights the Nth occurrence', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    const second = (await hamish('highlight', id, '--quote', 'تنظيم الدولة', '--occurrence', '2', '--json'))
      .stdout;
    const { id: highlightId } = JSON.parse(second) as { id: string };
    const shown = JSON.parse((await hamish('show', id, '--json')).stdout) as {
      highlights: { id: string; start: number }[];
      blocks: { text: string }[];
    };
    const text = shown.blocks.map((b) => b.text).join('\n\n');
    const expected = text.indexOf('تنظيم الدولة', text.indexOf('تنظيم الدولة') + 1);
    expect(shown.highlights.find((h) => h.id === highlightId)?.start).toBe(expected);
  });

  it('refuses a quote that does not occur, a bad colour and a blank tag, writing nothing', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    for (const args of [
      ['--quote', 'لا يوجد هذا النص'],
      ['--quote', 'تنظيم الدولة', '--occurrence', '99'],
      ['--quote', 'تنظيم الدولة', '--color', 'red'],
      ['--quote', 'تنظيم الدولة', '--tag', '   '],
    ]) {
      const result = await hamish('highlight', id, ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/^hamish: .+\n$/);
    }
    expect((await hamish('highlight', id)).code).toBe(2);
    expect((await hamish('highlight', id, '--quote', 'x', '--occurrence', '0')).code).toBe(2);
    expect((await hamish('list')).stdout).toContain(`\t0\t`);
  });

  it('updates an article and prints how each highlight re-anchored', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    const kept = (await hamish('highlight', id, '--quote', 'دونالد ترامب')).stdout.trim();
    const lost = (await hamish('highlight', id, '--quote', 'استمرار المراقبة')).stdout.trim();
    const newer = path.join(dir, 'newer.txt');
    const seed = await readFile(SEED, 'utf8');
    await writeFile(newer, seed.replace('استمرار المراقبة\n', '').replace('فشل', 'تمهيد جديد.\n\nفشل'));
    const { code, stdout } = await hamish('update', id, newer);
    expect(code).toBe(0);
    expect(stdout).toBe(`${kept}\tmoved\n${lost}\torphan\n`);
    const json = JSON.parse((await hamish('show', id, '--json')).stdout) as {
      highlights: { id: string; status: string; exact: string }[];
    };
    expect(json.highlights.find((h) => h.id === lost)).toMatchObject({
      status: 'orphan',
      exact: 'استمرار المراقبة',
    });
  });
});

describe('bad input', () => {
  it('reports a missing file, a directory and an empty file one line each, and imports the rest', async () => {
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    const missing = path.join(dir, 'missing.txt');
    const { code, stdout, stderr } = await hamish('import', missing, dir, SEED, empty);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(missing);
    expect(lines[0]).toMatch(/no such file/);
    expect(lines[1]).toContain(dir);
    expect(lines[1]).toMatch(/not a file/);
    expect(lines[2]).toContain(empty);
    expect(lines[2]).toMatch(/empty/);
    expect((await hamish('list')).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a library.json that does not parse, and leaves it untouched', async () => {
    await mkdir(dataDir, { recursive: true });
    const library = path.join(dataDir, 'library.json');
    await writeFile(library, '{"schemaVersion": 1, "articles": [');
    const { code, stderr, stdout } = await hamish('list');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('library.json');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    await expect(readFile(library, 'utf8')).resolves.toBe('{"schemaVersion": 1, "articles": [');
  });

  it('refuses a data dir that cannot be written', async () => {
    // A regular file where the data dir should be: unwritable even for root, unlike chmod.
    await writeFile(dataDir, 'not a folder');
    const { code, stderr } = await hamish('list');
    expect(code).toBe(1);
    expect(stderr).toContain(dataDir);
  });

  it('shows an unknown article id as an error', async () => {
    const { code, stderr } = await hamish('show', 'nope');
    expect(code).toBe(1);
    expect(stderr).toContain('nope');
  });

  it('exits 2 on wrong usage', async () => {
    expect((await hamish()).code).toBe(2);
    expect((await hamish('frobnicate')).code).toBe(2);
    expect((await hamish('show')).code).toBe(2);
    expect((await hamish('import')).code).toBe(2);
    expect((await hamish('list', '--bogus')).code).toBe(2);
  });
});

describe('hamish export of the whole library', () => {
  it('writes only the annotated articles, and every one with --all', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    const other = path.join(dir, 'other.txt');
    await writeFile(other, 'مقال آخر بلا ملاحظات\n\nفقرة أولى من مقال لم يعلق عليه أحد بعد.\n');
    await hamish('import', other);
    expect((await hamish('highlight', id, '--quote', 'تنظيم الدولة')).code).toBe(0);

    const annotated = await hamish('export', '--format', 'md');
    expect(annotated.code).toBe(0);
    expect(annotated.stdout).toContain(`# ${TITLE}`);
    expect(annotated.stdout).not.toContain('مقال آخر بلا ملاحظات');

    const all = await hamish('export', '--format', 'md', '--all');
    expect(all.stdout).toContain(`# ${TITLE}`);
    expect(all.stdout).toContain('# مقال آخر بلا ملاحظات');
  });
});
