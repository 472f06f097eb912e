import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHamish, SEED } from '../../test/kits/cli-kit';

let dir: string;
let dataDir: string;
let articleId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-long-input-'));
  dataDir = path.join(dir, 'data');
  articleId = (await runHamish(dataDir, 'import', SEED)).stdout.split('\t')[0] ?? '';
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LONG = 'x'.repeat(100_000);

describe('an error never echoes long input in full', () => {
  it.each([
    ['show', ['show', LONG]],
    ['export --article', ['export', '--format', 'md', '--article', LONG]],
    ['highlight an unknown article', ['highlight', LONG, '--quote', 'ترامب']],
    ['highlight a long quote', () => ['highlight', articleId, '--quote', LONG]],
    ['update', ['update', LONG, path.join(os.tmpdir(), LONG.slice(0, 200))]],
    ['an unknown command', [LONG]],
    ['an unknown option', [`--${LONG}`]],
    ['import a file that does not exist', ['import', LONG.slice(0, 3000)]],
  ] as [string, string[] | (() => string[])][])('%s', async (_name, args) => {
    const argv = typeof args === 'function' ? args() : args;
    const { code, stderr } = await runHamish(dataDir, ...argv);
    expect(code).toBeGreaterThan(0);
    expect(stderr).not.toBe('');
    // The message and the usage text (about 2.6 KB), but never the 100 KB (or 3 KB) argument.
    expect(stderr.length).toBeLessThan(3500);
    expect(stderr).not.toContain('x'.repeat(81));
  });
});
