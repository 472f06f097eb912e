import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED, runHamish } from '../../test/kits/cli-kit';
import { createService } from '../api/service';

let dir: string;
let dataDir: string;
let articleId: string;

const hamish = (...argv: string[]) => runHamish(dataDir, ...argv);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-highlights-cli-'));
  dataDir = path.join(dir, 'data');
  articleId = (await hamish('import', SEED)).stdout.split('\t')[0] ?? '';
  await hamish(
    'highlight',
    articleId,
    '--quote',
    'دونالد ترامب',
    '--note',
    'سطر\tأول\nثانٍ',
    '--tag',
    'سياسة',
  );
  await hamish('highlight', articleId, '--quote', 'هزيمة تنظيم', '--color', 'green');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hamish highlights', () => {
  it('prints one line per highlight: id, article, colour, passage, note (one line), status', async () => {
    const { code, stdout } = await hamish('highlights');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const fields = lines.map((line) => line.split('\t'));
    expect(fields.every((f) => f.length === 6 && f[1] === articleId && f[5] === 'exact')).toBe(true);
    expect(fields.find((f) => f[2] === 'yellow')?.slice(3, 5)).toEqual(['دونالد ترامب', 'سطر أول ثانٍ']);
  });

  it('narrows by tag, colour (by key or by the name the reader gave it) and day', async () => {
    const byTag = JSON.parse((await hamish('highlights', '--tag', 'سياسة', '--json')).stdout) as {
      exact: string;
    }[];
    expect(byTag.map((h) => h.exact)).toEqual(['دونالد ترامب']);
    expect((await hamish('highlights', '--color', 'green')).stdout).toContain('هزيمة تنظيم');
    const service = await createService({ dataDir });
    await service.setSettings({ colorNames: { green: 'Important' } });
    expect((await hamish('highlights', '--color', 'important')).stdout).toContain('هزيمة تنظيم');
    expect((await hamish('highlights', '--since', '2999-01-01')).stdout).toBe('');
  });

  it('says why a colour or a day is wrong, with exit code 2', async () => {
    const colour = await hamish('highlights', '--color', 'mauve');
    expect(colour.code).toBe(2);
    expect(colour.stderr).toMatch(/mauve: not a colour/);
    const day = await hamish('highlights', '--since', '10/03/2026');
    expect(day.code).toBe(2);
    expect(day.stderr).toMatch(/YYYY-MM-DD/);
  });

  it('leaves out the highlights of an article in the trash and says how many on stderr', async () => {
    const service = await createService({ dataDir });
    await service.trashArticle({ id: articleId });
    const { code, stdout, stderr } = await hamish('highlights');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^2 highlight\(s\) left out: their article is in the trash/);
  });
});

describe('hamish review', () => {
  it("prints today's set in the same line shape, and --count limits it", async () => {
    const all = await hamish('review');
    expect(all.code).toBe(0);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(2);
    const one = JSON.parse((await hamish('review', '--count', '1', '--json')).stdout) as { id: string }[];
    expect(one).toHaveLength(1);
    expect((await hamish('review', '--count', 'ten')).code).toBe(2);
  });
});
