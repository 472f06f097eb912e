import { BrowserWindow } from 'electron';
import type { WindowBounds } from '../api/settings';
import { within } from './quit';
import { initialBounds, trackBounds } from './window-state';

/** A page that did not load: what Chromium said, for the error shown to the user. */
export type LoadFailure = { code: number; description: string; url: string };

// Chromium's ERR_ABORTED: a load cancelled on purpose (a navigation the app itself refused), not a failure.
const ERR_ABORTED = -3;

export type WindowOptions = {
  url: string;
  preload: string;
  saved: WindowBounds | null;
  saveBounds(bounds: WindowBounds): void;
  onLoadFailed(failure: LoadFailure): void;
};

/** The reader's window, with the security settings of the Electron checklist. */
export function createWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...initialBounds(options.saved),
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'Hamish — هامش',
    backgroundColor: '#faf8f3',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway, see security.ts).
      disableBlinkFeatures: 'Auxclick',
      // Cache the compiled renderer from the first start on, not only after Chromium has seen it run twice.
      v8CacheOptions: 'bypassHeatCheck',
    },
  });
  if (options.saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  trackBounds(window, options.saveBounds);
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame && code !== ERR_ABORTED) options.onLoadFailed({ code, description, url });
  });
  void window.loadURL(options.url).catch(() => undefined); // a failure is reported by did-fail-load
  return window;
}

/** Closes every window (their pages' pagehide handlers run), destroying those still open after `timeoutMs`. */
export async function closeWindows(timeoutMs: number): Promise<void> {
  const open = BrowserWindow.getAllWindows().filter((window) => !window.isDestroyed());
  const closed = open.map(
    (window) =>
      new Promise<void>((resolve) => {
        window.once('closed', () => resolve());
        window.close();
      }),
  );
  await within(Promise.all(closed), timeoutMs);
  for (const window of open) if (!window.isDestroyed()) window.destroy();
}
