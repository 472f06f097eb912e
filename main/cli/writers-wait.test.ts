import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createService } from '../api/service';
import { canonicalText } from '../../shared/article-model';
import { bundleChild, raceChildren } from '../../test/kits/process-race-kit';
import { makeTempDir } from '../../test/kits/store-fixtures';
import { SEED } from '../../test/kits/cli-kit';

// Twelve `hamish highlight` commands, each a real process, started at the same instant on one data folder.
const COMMANDS = 12;

let child: { script: string; remove: () => Promise<void> };
let dataDir: string;

beforeAll(async () => {
  child = await bundleChild(path.join(import.meta.dirname, '../../test/kits/cli-race-child.ts'));
  dataDir = await makeTempDir();
}, 60_000);

afterAll(async () => {
  await child.remove();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('writers started at once wait their turn, and every one succeeds', async () => {
  const service = await createService({ dataDir, defaultArticles: [SEED] });
  const [article] = await service.listArticles({});
  const id = article?.id ?? '';
  const text = canonicalText((await service.openArticle({ id })).blocks);
  const runs = await raceChildren(
    child.script,
    Array.from({ length: COMMANDS }, (_, n) => {
      const quote = text.slice(n * 10, n * 10 + 8);
      return ['--data-dir', dataDir, 'highlight', id, '--quote', quote, '--note', `writer ${n}`];
    }),
  );
  for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  const saved = (await (await createService({ dataDir, readOnly: true })).openArticle({ id })).highlights;
  expect(saved.map((h) => h.id).sort()).toEqual(runs.map((run) => run.stdout.trim()).sort());
  console.log(
    `${COMMANDS} hamish highlight started at once: ${runs.filter((r) => r.code === 0).length} succeeded`,
  );
}, 120_000);
