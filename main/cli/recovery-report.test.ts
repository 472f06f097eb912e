import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createService } from '../api/service';
import { runHamish, SEED } from '../../test/kits/cli-kit';

// A write command that meets a damaged file never starts it over in silence: it rebuilds what it can, keeps
// the damaged copy, says so on stderr, and `check` reports the copy until someone deals with it.

let dir: string;
let dataDir: string;
const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-recovery-cli-'));
  dataDir = path.join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function textFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

it('a damaged library.json is rebuilt from the articles on disk, and the command says so', async () => {
  const first = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
  await hamish('import', await textFile('b.txt', 'مقالة ثانية\n\nفيها فقرة عن الهامش.'));
  await hamish('highlight', first, '--quote', 'دونالد ترامب', '--note', 'ملاحظة');
  await truncate(path.join(dataDir, 'library.json'), 100);

  const imported = await hamish('import', await textFile('c.txt', 'مقالة ثالثة\n\nنص قصير.'));
  expect(imported.code).toBe(0);
  expect(imported.stderr).toMatch(/library\.json is damaged/);
  expect(imported.stderr).toMatch(/The damaged copy is kept as .*library\.corrupt-.*\.json\./);
  expect(imported.stderr).toMatch(/Rebuilt the list of 2 article\(s\) from the article files in .*articles/);

  const listed = (await hamish('list')).stdout.split('\n').filter(Boolean);
  expect(listed).toHaveLength(3);
  const shown = JSON.parse((await hamish('--json', 'show', first)).stdout) as {
    highlights: { note: string }[];
  };
  expect(shown.highlights.map((h) => h.note)).toEqual(['ملاحظة']);

  const checked = await hamish('check');
  expect(checked.code).toBe(1);
  expect(checked.stderr).toMatch(/library\.corrupt-.*damaged copy of library\.json.*then delete it/);
  const copy = (await readdir(dataDir)).find((name) => name.includes('.corrupt-')) ?? '';
  await rm(path.join(dataDir, copy));
  expect((await hamish('check')).code).toBe(0);
});

it('a damaged annotations file met by a highlight is reported, and the app gets the same report', async () => {
  const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
  await hamish('highlight', id, '--quote', 'دونالد ترامب');
  await writeFile(path.join(dataDir, 'annotations', `${id}.json`), '\0'.repeat(4096));

  const made = await hamish('highlight', id, '--quote', 'ترامب');
  expect(made.code).toBe(0);
  expect(made.stderr).toMatch(
    /is damaged: it holds only NUL bytes.*kept as .*\.corrupt-.*No backup holds this file/,
  );
  expect((await hamish('check')).code).toBe(1);

  await writeFile(path.join(dataDir, 'annotations', `${id}.json`), '\0'.repeat(10));
  const service = await createService({ dataDir });
  await service.openArticle({ id });
  const { recoveries } = await service.storeStatus({});
  expect(recoveries).toEqual([
    expect.objectContaining({ movedTo: expect.stringMatching(/\.corrupt-/), recovered: expect.any(String) }),
  ]);
});
