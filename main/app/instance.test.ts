import { mkdtemp, mkdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseInstance, dataDirFlag, folderKey, instancesFolder } from './instance';

let root: string;
const defaultUserData = () => path.join(root, 'config', 'Hamish');

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hamish-instance-'));
  await mkdir(path.join(root, 'library'), { recursive: true });
  await symlink(path.join(root, 'library'), path.join(root, 'link-to-library'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('dataDirFlag', () => {
  it.each([
    [['--data-dir', '/a'], '/a'],
    [['--data-dir=/b c'], '/b c'],
    [['.', '--inspect', '--data-dir', 'rel'], 'rel'],
    [['--data-dir'], undefined],
    [['--data-directory', '/x'], undefined],
    [[], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(dataDirFlag(argv)).toBe(expected);
  });
});

describe('chooseInstance', () => {
  it('is the default instance without --data-dir or HAMISH_DATA_DIR', () => {
    expect(chooseInstance(['.'], {}, defaultUserData())).toEqual({
      dataDir: defaultUserData(),
      userData: defaultUserData(),
    });
  });

  it('is the default instance when --data-dir names the default folder', () => {
    const instance = chooseInstance(['--data-dir', `${defaultUserData()}/`], {}, defaultUserData());
    expect(instance.userData).toBe(defaultUserData());
  });

  it('gives another folder its own userData, beside the default one, the same on every launch', () => {
    const library = path.join(root, 'library');
    const first = chooseInstance(['--data-dir', library], {}, defaultUserData());
    const again = chooseInstance([`--data-dir=${library}${path.sep}`], {}, defaultUserData());
    expect(first.dataDir).toBe(library);
    expect(path.dirname(first.userData)).toBe(instancesFolder(defaultUserData()));
    expect(again.userData).toBe(first.userData);
    expect(chooseInstance(['--data-dir', path.join(root, 'other')], {}, defaultUserData()).userData).not.toBe(
      first.userData,
    );
  });

  it('treats a symbolic link to a folder as that folder', () => {
    const direct = chooseInstance(['--data-dir', path.join(root, 'library')], {}, defaultUserData());
    const viaLink = chooseInstance(['--data-dir', path.join(root, 'link-to-library')], {}, defaultUserData());
    expect(viaLink.userData).toBe(direct.userData);
  });

  it('follows HAMISH_DATA_DIR, and --data-dir over it', () => {
    const fromEnv = chooseInstance(['.'], { HAMISH_DATA_DIR: path.join(root, 'env') }, defaultUserData());
    expect(fromEnv.dataDir).toBe(path.join(root, 'env'));
    const both = chooseInstance(
      ['--data-dir', path.join(root, 'flag')],
      { HAMISH_DATA_DIR: path.join(root, 'env') },
      defaultUserData(),
    );
    expect(both.dataDir).toBe(path.join(root, 'flag'));
  });
});

describe('folderKey', () => {
  it('folds case where file names ignore it', () => {
    expect(folderKey('/Users/Me/Library', 'darwin')).toBe(folderKey('/users/me/library', 'darwin'));
    expect(folderKey('/home/Me/lib', 'linux')).not.toBe(folderKey('/home/me/lib', 'linux'));
  });
});
