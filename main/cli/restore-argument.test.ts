import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createService } from '../api/service';
import { runHamish } from '../../test/kits/cli-kit';

// `hamish restore X`: X is a backup only when it is a name `hamish backups` prints; a file is a file.

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

let dir: string;
let dataDir: string;
const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-restore-arg-'));
  dataDir = path.join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A library with one highlight, its daily backup's name, and an export of the library with two. */
async function backupAndExport(): Promise<{ id: string; backup: string; exported: string }> {
  const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
  await hamish('highlight', id, '--quote', 'دونالد ترامب', '--note', 'قبل');
  await (await createService({ dataDir })).ensureDailyBackup();
  const backup = (await hamish('backups')).stdout.split('\t')[0] ?? '';
  await hamish('highlight', id, '--quote', 'تنظيم الدولة', '--note', 'بعد');
  return { id, backup, exported: (await hamish('export', '--format', 'json')).stdout };
}

const notes = async (id: string) =>
  (JSON.parse((await hamish('show', id, '--json')).stdout) as { highlights: { note: string }[] }).highlights
    .map((h) => h.note)
    .sort();

it('restores a file named like a backup as the file, not the backup', async () => {
  const { id, backup, exported } = await backupAndExport();
  expect(backup).toMatch(/^daily-/);
  const folder = path.join(dir, 'exports');
  await mkdir(folder);
  const file = path.join(folder, backup);
  await writeFile(file, exported);
  const shown = JSON.parse((await hamish('show', id, '--json')).stdout) as { highlights: { id: string }[] };
  const service = await createService({ dataDir });
  await service.deleteHighlight({ articleId: id, id: shown.highlights[0]?.id ?? '' });
  const result = await hamish('restore', file, '--json');
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ added: 1 });
  expect(await notes(id)).toEqual(['بعد', 'قبل']);
  expect((await hamish('backups')).stdout).not.toMatch(/pre-restore/);
});

it('restores the backup when given its name as `hamish backups` prints it', async () => {
  const { id, backup } = await backupAndExport();
  expect((await hamish('restore', backup)).code).toBe(0);
  expect(await notes(id)).toEqual(['قبل']);
});
