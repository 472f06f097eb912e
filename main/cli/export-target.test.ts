import { execFileSync } from 'node:child_process';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHamish, SEED } from '../../test/kits/cli-kit';

let dir: string;
let dataDir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-export-target-'));
  dataDir = path.join(dir, 'data');
  expect((await runHamish(dataDir, 'import', SEED)).code).toBe(0);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `export --format md -o TARGET` and expects it refused with exit 1, a message naming `word`. */
async function expectRefused(target: string, word: RegExp): Promise<void> {
  const { code, stdout, stderr } = await runHamish(dataDir, 'export', '--format', 'md', '-o', target);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr).toMatch(word);
}

describe('hamish export -o writes only a regular file', () => {
  it('refuses an empty file name as wrong usage, and prints nothing to stdout', async () => {
    const { code, stdout, stderr } = await runHamish(dataDir, 'export', '--format', 'md', '-o', '');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/-o/);
  });

  // A device made for the test, like /dev/null: a regression here must never replace the real one.
  it('refuses a device and leaves it a device', async () => {
    const device = path.join(dir, 'null-device');
    execFileSync('mknod', [device, 'c', '1', '3']);
    await expectRefused(device, /not a regular file/);
    expect((await lstat(device)).isCharacterDevice()).toBe(true);
  });

  it('refuses a FIFO and leaves it a FIFO', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expectRefused(fifo, /not a regular file/);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('refuses a directory', async () => {
    const folder = path.join(dir, 'folder');
    await mkdir(folder);
    await expectRefused(folder, /directory/);
    expect((await stat(folder)).isDirectory()).toBe(true);
  });

  it.each(['library.json', 'new-export.md', '.', 'articles'])(
    'refuses %s inside the data folder and changes nothing there',
    async (name) => {
      const before = await readFile(path.join(dataDir, 'library.json'));
      await expectRefused(path.join(dataDir, name), /data folder/);
      expect(await readFile(path.join(dataDir, 'library.json'))).toEqual(before);
      expect(await readdir(dataDir)).not.toContain('new-export.md');
    },
  );

  it('refuses a symbolic link, or a linked folder, that leads into the data folder', async () => {
    const before = await readFile(path.join(dataDir, 'library.json'));
    await symlink(path.join(dataDir, 'library.json'), path.join(dir, 'innocent.md'));
    await symlink(dataDir, path.join(dir, 'linked-folder'));
    await expectRefused(path.join(dir, 'innocent.md'), /data folder/);
    await expectRefused(path.join(dir, 'linked-folder', 'export.md'), /data folder/);
    expect(await readFile(path.join(dataDir, 'library.json'))).toEqual(before);
  });

  it('says when the folder to write in does not exist', async () => {
    await expectRefused(path.join(dir, 'missing', 'export.md'), /missing/);
  });

  it('replaces a regular file whole, keeping its permissions and leaving no temp file', async () => {
    const file = path.join(dir, 'notes.md');
    await writeFile(file, 'old content that is longer than nothing');
    await chmod(file, 0o600);
    const { code, stderr } = await runHamish(dataDir, 'export', '--format', 'md', '-o', file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^---\ntitle:/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['data', 'notes.md']);
  });

  it('writes through a symbolic link to a file outside the data folder, keeping the link', async () => {
    const real = path.join(dir, 'real.md');
    await writeFile(real, 'old');
    await symlink(real, path.join(dir, 'link.md'));
    expect((await runHamish(dataDir, 'export', '--format', 'md', '-o', path.join(dir, 'link.md'))).code).toBe(
      0,
    );
    expect((await lstat(path.join(dir, 'link.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toMatch(/^---\ntitle:/);
  });
});
