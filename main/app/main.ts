import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, nativeTheme } from 'electron';
import type { Settings } from '../api/settings';
import { resolveDataDir } from '../api/data-dir';
import { toApiError } from '../api/errors';
import { createService, type Service } from '../api/service';
import { acquireLock } from '../store';
import { fileDialogs } from './dialogs';
import { APP_ORIGIN } from './csp';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { buildMenu } from './menu';
import { denyPermissions, hardenWebContents, setDialogLanguage } from './security';
import { shellLanguage, type ShellLanguage } from './shell-strings';
import { initialBounds, trackBounds } from './window-state';
import { handleSaveLinks } from './link-handler';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const rendererDir = path.join(here, '..', 'renderer');
const preload = path.join(here, '..', 'preload', 'preload.cjs');
// In development electron-vite serves the renderer; its URL is only honoured in an unpackaged app.
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

let mainWindow: BrowserWindow | null = null;
let shellLanguageNow: ShellLanguage = 'en';
let serviceReady: (service: Service) => void = () => undefined;
// hamish://save links: registered before the app is ready, as macOS delivers a launching link early.
const saveLinks = handleSaveLinks({
  service: new Promise<Service>((resolve) => (serviceReady = resolve)),
  window: () => mainWindow,
  language: () => shellLanguageNow,
  origin: () => (devServer ? new URL(devServer).origin : APP_ORIGIN),
});

function dataDirFlag(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  if (index < 0) return undefined;
  const arg = argv[index] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
}

function dataDir(): string {
  const flag = dataDirFlag(process.argv);
  if (flag || process.env.HAMISH_DATA_DIR) return resolveDataDir(flag);
  return app.getPath('userData');
}

function createWindow(service: Service): BrowserWindow {
  const bounds = initialBounds(service.windowBounds());
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'Hamish — هامش',
    backgroundColor: '#faf8f3',
    webPreferences: {
      preload,
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
    },
  });
  if (service.windowBounds()?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  trackBounds(window, (next) => {
    service.saveWindowBounds(next).catch(() => undefined); // losing a window size is not worth a dialog
  });
  void window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}

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
  const language = shellLanguage(settings.language, app.getLocale());
  setDialogLanguage(language);
  shellLanguageNow = language;
  Menu.setApplicationMenu(buildMenu(language, () => mainWindow));
  nativeTheme.themeSource =
    settings.theme === 'dark' ? 'dark' : settings.theme === 'system' ? 'system' : 'light';
}

async function start(): Promise<void> {
  await app.whenReady();
  denyPermissions();
  serveRenderer(rendererDir, dataDir);
  let service: Service;
  try {
    const dir = dataDir();
    const release = await lockDataDir(dir);
    app.on('will-quit', () => void release());
    service = await createService({
      dataDir: dir,
      defaultArticles: [path.join(app.getAppPath(), 'data', 'article-ar.txt')],
      ...fileDialogs(() => mainWindow),
      onSettingsChanged: applyShellSettings,
    });
    applyShellSettings((await service.getSettings({})).settings);
  } catch (error) {
    const { message } = toApiError(error);
    dialog.showErrorBox('Hamish cannot open its library / تعذّر فتح المكتبة', message);
    app.exit(1);
    return;
  }
  // A snapshot a day, kept for a week; a failure here must not stop the reader.
  void service.ensureDailyBackup().catch(() => undefined);
  registerIpc(
    service,
    () => mainWindow?.webContents ?? null,
    devServer ? new URL(devServer).origin : APP_ORIGIN,
  );
  mainWindow = createWindow(service);
  mainWindow.on('closed', () => (mainWindow = null));
  serviceReady(service);
  saveLinks.fromArgv(process.argv);
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow(service);
  });
}

registerAppScheme();
hardenWebContents();

// One app per data folder: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    saveLinks.fromArgv(argv);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void start();
}
