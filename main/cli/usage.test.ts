import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORTABLE_EXTENSIONS } from '../articles';
import { runHamish, SEED } from '../../test/kits/cli-kit';
import { USAGE } from './run';

describe('hamish usage', () => {
  it('lists every file type an import takes', () => {
    expect(IMPORTABLE_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.md', '.html', '.htm']));
    for (const extension of IMPORTABLE_EXTENSIONS) expect(USAGE).toContain(extension);
  });

  it.each(['import', 'list', 'show', 'highlight', 'note', 'delete', 'update', 'export', 'search', 'restore'])(
    'lists the %s command',
    (command) => {
      expect(USAGE).toMatch(new RegExp(`^  ${command} `, 'm'));
    },
  );

  it('refuses a second --tag where only one is used, instead of dropping it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-usage-'));
    try {
      const dataDir = path.join(dir, 'data');
      await runHamish(dataDir, 'import', SEED);
      const { code, stderr } = await runHamish(dataDir, 'search', 'ليبيا', '--tag', 'a', '--tag', 'b');
      expect(code).toBe(2);
      expect(stderr).toMatch(/at most one --tag/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the version an export names', () => {
  it('is the version in package.json', async () => {
    const { version } = JSON.parse(
      await readFile(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
    ) as { version: string };
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-version-'));
    try {
      const dataDir = path.join(dir, 'data');
      await runHamish(dataDir, 'import', SEED);
      const markdown = (await runHamish(dataDir, 'export', '--format', 'md')).stdout;
      expect(markdown).toContain(`\napp: "Hamish ${version}"\n`);
      const json = JSON.parse((await runHamish(dataDir, 'export', '--format', 'json')).stdout) as Record<
        string,
        unknown
      >;
      expect(json['hamish:appVersion']).toBe(version);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
