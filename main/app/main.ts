import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Menu, nativeTheme, type BrowserWindow, type WebContents } from 'electron';
import type { Settings } from '../api/settings';
import { call } from '../api/checked-call';
import { toApiError } from '../api/errors';
import { createService, type Service } from '../api/service';
import { acquireLock } from '../store';
import { fileDialogs } from './dialogs';
import { APP_ORIGIN } from './csp';
import { chooseInstance, folderKey, type Instance } from './instance';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { buildMenu } from './menu';
import { PendingWrites } from './pending-writes';
import { quitSequence } from './quit';
import { denyPermissions, hardenWebContents, setDialogLanguage } from './security';
import { pickLanguage } from '../../shared/language';
import type { ShellLanguage } from './shell-strings';
import { closeWindows, createWindow, type LoadFailure } from './window';
import { handleSaveLinks } from './link-handler';
import { autoSync } from './auto-sync';
import { systemSecrets } from './secret-box';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const rendererDir = path.join(here, '..', 'renderer');
const preload = path.join(here, '..', 'preload', 'preload.cjs');
// In development electron-vite serves the renderer; its URL is only honoured in an unpackaged app.
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

let mainWindow: BrowserWindow | null = null;
// The page allowed to call the service: kept until its web contents are gone, so the saves a closing page
// sends from its pagehide handler are still accepted.
let pageContents: WebContents | null = null;
let releaseLock: () => Promise<void> = async () => undefined;
const pending = new PendingWrites();
const quit = quitSequence({
  closeWindows,
  pending,
  release: () => releaseLock(),
  quit: () => app.quit(),
  exit: (code) => app.exit(code),
  warn: (message) => console.error(message),
});
let shellLanguageNow: ShellLanguage = 'en';
let serviceReady: (service: Service) => void = () => undefined;
// hamish://save links: registered before the app is ready, as macOS delivers a launching link early.
const saveLinks = handleSaveLinks({
  service: new Promise<Service>((resolve) => (serviceReady = resolve)),
  window: () => mainWindow,
  language: () => shellLanguageNow,
  origin: () => (devServer ? new URL(devServer).origin : APP_ORIGIN),
});

/** Takes the data folder's lock; a CLI command holding it briefly is waited for. */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await acquireLock(dir, { owner: 'app' });
    } catch (error) {
      if ((error as { code?: string }).code !== 'locked' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Menus, dialogs and the native theme follow the interface settings (sepia counts as light). */
function applyShellSettings(settings: Settings): void {
  const language = pickLanguage(settings.language, [app.getLocale()]);
  setDialogLanguage(language);
  shellLanguageNow = language;
  Menu.setApplicationMenu(buildMenu(language, () => mainWindow));
  nativeTheme.themeSource =
    settings.theme === 'dark' ? 'dark' : settings.theme === 'system' ? 'system' : 'light';
}

/** The page could not be shown: say so, then quit as usual (saves flushed, lock released). */
function loadFailed({ code, description, url }: LoadFailure): void {
  dialog.showErrorBox(
    'Hamish cannot show its window / تعذّر عرض نافذة هامش',
    `${url} did not load: ${description} (${code}). Your library was not changed.`,
  );
  void quit.exitAfterFlush(1);
}

function openWindow(service: Service): void {
  const window = createWindow({
    url: devServer ?? `${APP_ORIGIN}/index.html`,
    preload,
    saved: service.windowBounds(),
    // Losing a window size is not worth a dialog.
    saveBounds: (bounds) => void pending.track(service.saveWindowBounds(bounds)).catch(() => undefined),
    onLoadFailed: loadFailed,
  });
  const contents = window.webContents;
  mainWindow = window;
  pageContents = contents;
  contents.once('destroyed', () => {
    if (pageContents === contents) pageContents = null;
  });
  // Windows ends a session without before-quit: flush what it allows (the same sequence, as far as it gets).
  window.on('session-end', () => void quit.exitAfterFlush(0));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

async function start(instance: Instance): Promise<void> {
  await app.whenReady();
  denyPermissions();
  serveRenderer(rendererDir, () => instance.dataDir);
  let service: Service;
  try {
    releaseLock = await lockDataDir(instance.dataDir);
    service = await createService({
      dataDir: instance.dataDir,
      defaultArticles: [path.join(app.getAppPath(), 'data', 'article-ar.txt')],
      ...fileDialogs(() => mainWindow),
      onSettingsChanged: applyShellSettings,
      secrets: systemSecrets(),
    });
    // Through the checked path, as IPC and the command line call it (docs/ARCHITECTURE.md, "Service").
    applyShellSettings((await call(service, 'getSettings', {})).settings);
  } catch (error) {
    const { message } = toApiError(error);
    dialog.showErrorBox('Hamish cannot open its library / تعذّر فتح المكتبة', message);
    await releaseLock().catch(() => undefined);
    app.exit(1);
    return;
  }
  // A snapshot a day, kept for a week; a failure here must not stop the reader.
  void pending.track(service.ensureDailyBackup()).catch(() => undefined);
  const sync = autoSync(service, (work) => pending.track(work));
  registerIpc(
    service,
    () => pageContents,
    devServer ? new URL(devServer).origin : APP_ORIGIN,
    (work) => pending.track(work),
    sync.called,
  );
  sync.start();
  openWindow(service);
  serviceReady(service);
  saveLinks.fromArgv(process.argv);
  app.on('activate', () => {
    if (!mainWindow && !quit.quitting) openWindow(service);
  });
}

/**
 * A second launch on this data folder: show the window it asked for. One that asked for another folder (only
 * possible from a version without a lock per folder) is told so rather than silently shown this library.
 */
function secondInstance(additionalData: unknown): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  const asked = (additionalData as { dataDir?: unknown } | null)?.dataDir;
  if (typeof asked === 'string' && folderKey(asked) !== folderKey(instance.dataDir)) {
    void dialog.showMessageBox(mainWindow, {
      type: 'warning',
      message: 'Hamish is already open on another library / هامش مفتوح على مكتبة أخرى',
      detail: `This window shows ${instance.dataDir}; ${asked} was not opened.`,
    });
  }
}

registerAppScheme();
hardenWebContents();

// One instance per data folder (see instance.ts): the single-instance lock is per userData, so an instance on
// another folder gets a userData of its own before the lock is asked for.
const instance = chooseInstance(process.argv, process.env, app.getPath('userData'));
if (instance.userData !== app.getPath('userData')) app.setPath('userData', instance.userData);

if (!app.requestSingleInstanceLock({ dataDir: instance.dataDir })) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, _cwd, additionalData) => {
    saveLinks.fromArgv(argv);
    secondInstance(additionalData);
  });
  app.on('before-quit', (event) => quit.beforeQuit(event));
  app.on('window-all-closed', () => app.quit());
  void start(instance);
}
