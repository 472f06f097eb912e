import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataUri, pngBytes } from '../../test/kits/images';
import { runHamish } from '../../test/kits/cli-kit';

const CAPTION = 'مزارعون يجمعون الزيتون في ريف إدلب';
const PHOTO = pngBytes(5, 3, 11);

let root: string;
let dataDir: string;
let id: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hamish-cli-pictures-'));
  dataDir = path.join(root, 'data');
  const page = path.join(root, 'olive.html');
  await writeFile(
    page,
    `<html lang="ar"><head><title>الزيتون</title></head><body><article><p>بدأ المزارعون جني محصول الزيتون قبل موعده المعتاد بأسبوعين بعد صيف حار وجاف.</p><figure><img src="${dataUri(PHOTO)}" alt="سلال [الزيتون]"><figcaption>${CAPTION}</figcaption></figure><table><tr><th>السنة</th><th>الإنتاج</th></tr><tr><td>٢٠٢٣</td><td>٩٥٠</td></tr></table><p>وقال أحد المزارعين إن الإنتاج هذا العام أقل من العام الماضي لكن جودة الزيت أفضل.</p></article></body></html>`,
  );
  const imported = await runHamish(dataDir, '--json', 'import', page);
  id = (JSON.parse(imported.stdout) as { id: string }[])[0]?.id ?? '';
  expect((await runHamish(dataDir, 'highlight', id, '--quote', 'يجمعون الزيتون')).code).toBe(0);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('pictures through the command line', () => {
  it('show --json gives a figure its caption and stored image, and a table its rows', async () => {
    const shown = JSON.parse((await runHamish(dataDir, '--json', 'show', id)).stdout) as {
      blocks: { kind: string; text: string; image?: { asset: string }; rows?: unknown[] }[];
    };
    const figure = shown.blocks.find((b) => b.kind === 'figure');
    expect(figure?.text).toBe(CAPTION);
    expect(figure?.image).toMatchObject({ alt: 'سلال [الزيتون]', width: 5, height: 3 });
    const table = shown.blocks.find((b) => b.kind === 'table');
    expect(table?.text).toBe('السنة\tالإنتاج\n٢٠٢٣\t٩٥٠');
    expect(table?.rows).toHaveLength(2);
  });

  it('exports HTML with the picture of a highlighted caption embedded as a data: URI', async () => {
    const { stdout } = await runHamish(dataDir, 'export', '--format', 'html', '--article', id);
    expect(stdout).toContain(`<img src="${dataUri(PHOTO)}" alt="سلال [الزيتون]">`);
    expect(stdout).toContain('img-src data:');
  });

  it('exports Markdown linking the picture, and -o copies it into attachments/ beside the note', async () => {
    const out = path.join(root, 'vault', 'olive.md');
    await mkdir(path.dirname(out));
    expect((await runHamish(dataDir, 'export', '--format', 'md', '--article', id, '-o', out)).code).toBe(0);
    const note = await readFile(out, 'utf8');
    const link = /!\[سلال \\\[الزيتون\\\]\]\(attachments\/([0-9a-f]{64}\.png)\)/.exec(note);
    expect(link).not.toBeNull();
    expect(await readdir(path.join(root, 'vault', 'attachments'))).toEqual([link?.[1]]);
    expect((await readFile(path.join(root, 'vault', 'attachments', link?.[1] ?? ''))).equals(PHOTO)).toBe(
      true,
    );
  });
});
