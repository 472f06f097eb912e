import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arabicBookFiles, zipBook } from '../../test/kits/epub-books';
import { runHamish } from '../../test/kits/cli-kit';

let root: string;
let dataDir: string;
let book: string;
const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hamish-cli-epub-'));
  dataDir = path.join(root, 'data');
  book = path.join(root, 'city.epub');
  await writeFile(book, zipBook(arabicBookFiles()));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

type Shown = {
  title: string;
  lang: string;
  dir: string;
  blocks: { kind: string; text: string }[];
  toc: { title: string; block: number; children?: { title: string; block: number }[] }[];
};

describe('hamish import book.epub', () => {
  it('imports the book with its contents, finds a word of its middle chapter, and exports by chapter', async () => {
    const imported = await hamish('--json', 'import', book);
    expect(imported.code).toBe(0);
    const id = (JSON.parse(imported.stdout) as { id: string }[])[0]?.id ?? '';
    const shown = JSON.parse((await hamish('--json', 'show', id)).stdout) as Shown;
    expect(shown).toMatchObject({ title: 'حكاية المدينة', lang: 'ar', dir: 'rtl' });
    expect(shown.toc.map((entry) => entry.title)).toEqual([
      'الفصل الأول: البداية',
      'الفصل الثاني: الطريق',
      'الفصل الثالث: العودة',
    ]);
    expect(shown.blocks[shown.toc[2]?.block ?? -1]?.text).toBe('الفصل الثالث: العودة');

    const hits = JSON.parse((await hamish('--json', 'search', 'الزعفران')).stdout) as { articleId: string }[];
    expect(hits.map((hit) => hit.articleId)).toContain(id);

    expect((await hamish('highlight', id, '--quote', 'مع غروب الشمس')).code).toBe(0);
    expect((await hamish('highlight', id, '--quote', 'نحو السوق')).code).toBe(0);
    const markdown = (await hamish('export', '--format', 'md', '--article', id)).stdout;
    const second = markdown.indexOf('### الفصل الثاني: الطريق');
    const third = markdown.indexOf('### الفصل الثالث: العودة');
    expect(second).toBeGreaterThan(0);
    expect(markdown.indexOf('> نحو السوق')).toBeGreaterThan(second);
    expect(third).toBeGreaterThan(markdown.indexOf('> نحو السوق'));
    expect(markdown.indexOf('> مع غروب الشمس')).toBeGreaterThan(third);
    expect(markdown).not.toContain('### الفصل الأول');
    const html = (await hamish('export', '--format', 'html', '--article', id)).stdout;
    expect(html).toContain('<h3 dir="auto">الفصل الثالث: العودة</h3>');
  });

  it('refuses a DRM-protected book with a message that says so, and imports nothing', async () => {
    const files = arabicBookFiles();
    files['META-INF/rights.xml'] = '<rights/>';
    await writeFile(book, zipBook(files));
    const { code, stderr } = await hamish('import', book);
    expect(code).not.toBe(0);
    expect(stderr).toContain(`${book}: the book is protected by DRM`);
    expect((await hamish('--json', 'list')).stdout.trim()).toBe('[]');
  });

  it("restores a book's highlights from its JSON export into a library holding the same book", async () => {
    const id = (JSON.parse((await hamish('--json', 'import', book)).stdout) as { id: string }[])[0]?.id ?? '';
    await hamish('highlight', id, '--quote', 'بائع الزعفران', '--note', 'بائع في السوق');
    const exported = path.join(root, 'notes.json');
    expect((await hamish('export', '--format', 'json', '-o', exported)).code).toBe(0);
    const fresh = path.join(root, 'fresh');
    await runHamish(fresh, 'import', book);
    const restored = await runHamish(fresh, '--json', 'restore', exported);
    expect(restored.stderr).toBe('');
    expect(JSON.parse(restored.stdout)).toEqual({ added: 1, identical: 0, conflicts: [] });
  });
});
