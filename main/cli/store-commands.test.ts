import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../store';
import { runHamish } from '../../test/kits/cli-kit';

const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

let dir: string;
let dataDir: string;

const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-store-cli-'));
  dataDir = path.join(dir, 'data');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hamish check', () => {
  it('exits 0 on a healthy library', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    await hamish('highlight', id, '--quote', 'دونالد ترامب', '--note', 'ملاحظة');
    const { code, stdout } = await hamish('check');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok/);
  });

  it('exits 1 naming a damaged annotations file, and changes nothing', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    await hamish('highlight', id, '--quote', 'دونالد ترامب');
    const file = path.join(dataDir, 'annotations', `${id}.json`);
    await writeFile(file, '{"schemaVersion": 1, "articleId": "' + id + '", "highlights": [');
    const { code, stderr } = await hamish('check');
    expect(code).toBe(1);
    expect(stderr).toContain(file);
    await expect(readFile(file, 'utf8')).resolves.toMatch(/"highlights": \[$/);
  });
});

describe('the data folder lock', () => {
  it('refuses a write while the app holds the library, with a clear message; reads still work', async () => {
    await hamish('import', SEED);
    const release = await acquireLock(dataDir, { owner: 'app' });
    try {
      const write = await hamish('import', SEED);
      expect(write.code).toBe(1);
      expect(write.stderr).toMatch(/lock|app/i);
      const read = await hamish('list');
      expect(read.code).toBe(0);
      expect(read.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      await release();
    }
    expect((await hamish('import', SEED)).code).toBe(0);
  });
});

describe('backups', () => {
  it('lists a restore point made before restoring one, and brings the library back', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    await hamish('highlight', id, '--quote', 'دونالد ترامب', '--note', 'قبل');
    // The app makes the daily backup at startup; the CLI reaches the same store.
    const { createService } = await import('../api/service');
    await (await createService({ dataDir })).ensureDailyBackup();
    const listed = (await hamish('backups')).stdout.trim().split('\n');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(/\tdaily\t.*\tverified$/);
    await hamish('highlight', id, '--quote', 'تنظيم الدولة', '--note', 'بعد');
    const name = listed[0]?.split('\t')[0] ?? '';
    const restored = await hamish('restore', name);
    expect(restored.code).toBe(0);
    const shown = JSON.parse((await hamish('show', id, '--json')).stdout) as {
      highlights: { note: string }[];
    };
    expect(shown.highlights.map((h) => h.note)).toEqual(['قبل']);
    const kinds = (await hamish('backups')).stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t')[1]);
    expect(kinds.sort()).toEqual(['daily', 'pre-restore']);
  });
});

describe('a damaged library file, opened by the app', () => {
  it('is moved aside as <name>.corrupt-<timestamp>.json and reported, and the rest keeps working', async () => {
    const id = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
    await hamish('highlight', id, '--quote', 'دونالد ترامب');
    const file = path.join(dataDir, 'annotations', `${id}.json`);
    await writeFile(file, '\0'.repeat(4096));
    const { createService } = await import('../api/service');
    const service = await createService({ dataDir });
    const view = await service.openArticle({ id });
    expect(view.highlights).toEqual([]);
    const status = await service.storeStatus({});
    expect(status.recoveries).toEqual([expect.objectContaining({ file })]);
    const moved = (await readdir(path.join(dataDir, 'annotations'))).filter((name) =>
      name.includes('.corrupt-'),
    );
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(new RegExp(`^${id}\\.corrupt-.+\\.json$`));
    await expect(readFile(path.join(dataDir, 'annotations', moved[0] ?? ''), 'utf8')).resolves.toBe(
      '\0'.repeat(4096),
    );
  });
});
