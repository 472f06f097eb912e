import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireLock } from '../../main/store';
import { FakeEvent, type FakeElectron } from './fake-electron';
import { removeFolders, startApp, stopApp, tempFolder, windowOf } from './app-session';
import { loadMain } from './load-main';

// Each launch opens a real store and imports the default article: seconds on a busy machine, not a timing test.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/**
 * Launching the built main process a second time: on the same data folder it hands over to the first
 * instance (which shows its window); on another folder it runs on that folder's library, as its own instance.
 */

const running: FakeElectron[] = [];

afterEach(async () => {
  for (const electron of running.splice(0).reverse()) await stopApp(electron);
  await removeFolders();
});

async function launch(userData: string, args: string[]): Promise<FakeElectron> {
  const electron = await loadMain({ userData, args });
  running.push(electron);
  electron.app.ready();
  return electron;
}

describe('a second launch', () => {
  it('on the same data folder focuses the first window (restoring it if minimised) and ends', async () => {
    const first = await startApp();
    running.push(first.electron);
    first.window.minimize();
    const second = await loadMain({
      userData: first.userData,
      args: ['--data-dir', `${first.dataDir}${path.sep}`], // another spelling of the same folder
    });
    running.push(second);

    expect(second.app.hasSingleInstanceLock).toBe(false);
    expect(await second.app.exited).toBe(0);
    expect(first.window.isMinimized()).toBe(false);
    expect(first.window.focusCount).toBe(1);
    expect(first.electron.openWindows()).toHaveLength(1);
    expect(first.electron.app.exitCode).toBeNull();
  });

  it('on another data folder opens that folder’s library in an instance of its own', async () => {
    const appData = await tempFolder('appdata');
    const defaultUserData = path.join(appData, 'Hamish');
    const [folderA, folderB] = [await tempFolder('library-a'), await tempFolder('library-b')];
    const first = await launch(defaultUserData, ['--data-dir', folderA]);
    const firstWindow = await windowOf(first);
    const second = await launch(defaultUserData, [`--data-dir=${folderB}`]);
    const secondWindow = await windowOf(second);

    expect(second.app.hasSingleInstanceLock).toBe(true);
    expect(second.app.exitCode).toBeNull();
    expect(firstWindow.focusCount).toBe(0); // nothing was handed to the first instance
    // Each instance holds its own folder, with its own library, and its own userData (single-instance lock).
    for (const folder of [folderA, folderB]) {
      expect(existsSync(path.join(folder, 'hamish.lock'))).toBe(true);
      expect(existsSync(path.join(folder, 'library.json'))).toBe(true);
    }
    const userDataA = first.app.paths.userData;
    const userDataB = second.app.paths.userData;
    expect(userDataA).not.toBe(userDataB);
    expect(path.dirname(userDataB ?? '')).toBe(path.join(appData, 'Hamish instances'));
    expect(secondWindow.loadedURL).toBe('app://hamish/index.html');

    // A third launch on the second folder goes to the second instance.
    const third = await loadMain({ userData: defaultUserData, args: ['--data-dir', folderB] });
    running.push(third);
    expect(await third.app.exited).toBe(0);
    expect(secondWindow.focusCount).toBe(1);
    expect(firstWindow.focusCount).toBe(0);
  });

  it('with --data-dir naming the default folder is the default instance', async () => {
    const appData = await tempFolder('appdata');
    const defaultUserData = path.join(appData, 'Hamish');
    const first = await launch(defaultUserData, []);
    const window = await windowOf(first);
    expect(first.app.paths.userData).toBe(defaultUserData);
    expect(existsSync(path.join(defaultUserData, 'library.json'))).toBe(true);

    const second = await loadMain({ userData: defaultUserData, args: ['--data-dir', defaultUserData] });
    running.push(second);
    expect(await second.app.exited).toBe(0);
    expect(window.focusCount).toBe(1);
  });
});

describe('a second-instance message asking for another folder', () => {
  it('(from a version without a lock per folder) shows the window and says the other library was not opened', async () => {
    const first = await startApp();
    running.push(first.electron);
    const elsewhere = await tempFolder('elsewhere');
    first.electron.app.emit('second-instance', new FakeEvent(), [], '/', { dataDir: first.dataDir });
    expect(first.electron.messageBoxes).toEqual([]);
    first.electron.app.emit('second-instance', new FakeEvent(), [], '/', { dataDir: elsewhere });
    expect(first.window.focusCount).toBe(2);
    expect(first.electron.messageBoxes).toHaveLength(1);
    expect(first.electron.messageBoxes[0]?.detail).toBe(
      `This window shows ${first.dataDir}; ${elsewhere} was not opened.`,
    );
  });
});

describe('a data folder another process holds', () => {
  it('says so and exits with code 1, leaving the other process its lock', async () => {
    const dataDir = await tempFolder('held');
    const lock = path.join(dataDir, 'hamish.lock');
    // Another process's lock: pid 1 is alive and is not us.
    const release = await acquireLock(dataDir, { owner: 'cli' });
    const content = JSON.parse(readFileSync(lock, 'utf8')) as Record<string, unknown>;
    await release();
    writeFileSync(lock, JSON.stringify({ ...content, pid: 1 }) + '\n');

    const electron = await launch(path.join(await tempFolder('appdata'), 'Hamish'), ['--data-dir', dataDir]);
    expect(await electron.app.exited).toBe(1);
    expect(electron.errorBoxes[0]?.content).toMatch(/hamish\.lock|locked|another/i);
    expect(electron.openWindows()).toEqual([]);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: 1 });
  }, 20_000);
});
