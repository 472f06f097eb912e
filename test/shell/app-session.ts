import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { channelOf, type Method } from '../../shared/methods';
import type { FakeElectron, FakeFrame, FakeWebContents, FakeWindow } from './fake-electron';
import { loadMain } from './load-main';

/** Helpers for driving the built main process through its stand-in, as the user and the page would. */

const folders: string[] = [];

/** A fresh temporary folder, removed by removeFolders(). */
export async function tempFolder(name: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `hamish-shell-${name}-`));
  folders.push(folder);
  return folder;
}

export async function removeFolders(): Promise<void> {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
}

export type Started = {
  electron: FakeElectron;
  window: FakeWindow;
  dataDir: string;
  /** Electron's default userData for the app (each instance on another folder gets its own beside it). */
  userData: string;
};

/** Waits until the app shows its window (lock taken, store open, default article imported). */
export async function windowOf(electron: FakeElectron): Promise<FakeWindow> {
  return vi.waitFor(
    () => {
      const [window] = electron.openWindows();
      if (!window) throw new Error(`no window yet; log: ${electron.log.join(', ')}`);
      return window;
    },
    { timeout: 15_000, interval: 20 },
  );
}

/** Launches the app on a data folder of its own (`--data-dir`), the OS says it is ready, its window opens. */
export async function startApp(options: { userData?: string; dataDir?: string } = {}): Promise<Started> {
  const userData = options.userData ?? path.join(await tempFolder('appdata'), 'Hamish');
  const dataDir = options.dataDir ?? (await tempFolder('data'));
  const electron = await loadMain({ userData, args: ['--data-dir', dataDir] });
  electron.app.ready();
  return { electron, window: await windowOf(electron), dataDir, userData };
}

/** An IPC event as Electron builds it for a message from `frame` of `contents`. */
export function ipcEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame };
}

/** Calls a contract method the way the page's preload does, from `event` (the page's top frame by default). */
export function invoke(
  electron: FakeElectron,
  window: FakeWindow,
  method: Method,
  input: unknown,
  event: unknown = ipcEvent(window.webContents),
): Promise<unknown> {
  const handler = electron.invokeHandlers.get(channelOf(method));
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler(event, input);
}

/** Quits the app if it still runs, and waits for it to end. */
export async function stopApp(electron: FakeElectron | undefined): Promise<void> {
  if (!electron || electron.app.exitCode !== null) return;
  electron.app.quit();
  await electron.app.exited;
}
