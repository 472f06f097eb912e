import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fake-electron';
import { removeFolders, startApp, stopApp, tempFolder, windowOf } from './app-session';
import { loadMain } from './load-main';

// Each launch opens a real store and imports the default article: seconds on a busy machine, not a timing test.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** The window's size and place, saved on quit by the built main process and restored at the next launch. */

const running: FakeElectron[] = [];

afterEach(async () => {
  for (const electron of running.splice(0)) await stopApp(electron);
  await removeFolders();
});

async function relaunch(userData: string, dataDir: string, workArea: { width: number; height: number }) {
  const electron = await loadMain({ userData, args: ['--data-dir', dataDir] });
  running.push(electron);
  electron.displays = [{ workArea: { x: 0, y: 0, ...workArea }, bounds: { x: 0, y: 0, ...workArea } }];
  electron.app.ready();
  return windowOf(electron);
}

describe('restoring the window', () => {
  it('reopens where and as large as it was', async () => {
    const first = await startApp();
    running.push(first.electron);
    first.window.setBounds({ x: 200, y: 120, width: 1000, height: 700 });
    await stopApp(first.electron);

    const window = await relaunch(first.userData, first.dataDir, { width: 1920, height: 1040 });
    expect(window.options).toMatchObject({ x: 200, y: 120, width: 1000, height: 700 });
  });

  it('fits a window saved on a larger display into the smaller one it opens on', async () => {
    const first = await startApp();
    running.push(first.electron);
    first.electron.displays = [
      {
        workArea: { x: 0, y: 0, width: 3840, height: 2100 },
        bounds: { x: 0, y: 0, width: 3840, height: 2160 },
      },
    ];
    first.window.setBounds({ x: 300, y: 200, width: 3000, height: 1800 });
    await stopApp(first.electron);

    const window = await relaunch(first.userData, first.dataDir, { width: 1366, height: 728 });
    expect(window.options).toMatchObject({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('reopens maximised if it was', async () => {
    const dataDir = await tempFolder('data');
    const first = await startApp({ dataDir });
    running.push(first.electron);
    first.window.maximize();
    first.window.emit('maximize');
    await stopApp(first.electron);

    const window = await relaunch(first.userData, path.resolve(dataDir), { width: 1920, height: 1040 });
    expect(window.isMaximized()).toBe(true);
  });
});
