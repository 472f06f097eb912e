import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rendererPolicy } from '../../main/app/csp';
import { METHODS, channelOf } from '../../shared/methods';
import { namedEntry } from '../../renderer/src/start-app-meta';
import { FakeEvent, ROOT, type FakeElectron, type FakeWindow } from './fake-electron';
import { invoke, ipcEvent, removeFolders, startApp, stopApp, tempFolder, windowOf } from './app-session';
import { loadMain } from './load-main';

// Each launch opens a real store and imports the default article: seconds on a busy machine, not a timing test.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/**
 * The built main process (out/main/main.js) started under the Electron stand-in: what it asks Electron for,
 * and what it refuses, on a real data folder with the real service.
 */

let electron: FakeElectron;
let window: FakeWindow;
let dataDir: string;

beforeAll(async () => {
  ({ electron, window, dataDir } = await startApp());
});

afterAll(async () => {
  await stopApp(electron);
  await removeFolders();
});

describe('before the app is ready', () => {
  it('registers the scheme and asks for the single-instance lock, and touches nothing else', async () => {
    const userData = path.join(await tempFolder('appdata'), 'Hamish');
    const dataDir = await tempFolder('data');
    const waiting = await loadMain({ userData, args: ['--data-dir', dataDir] });
    expect(waiting.privilegedSchemes).toHaveLength(1);
    expect(waiting.app.hasSingleInstanceLock).toBe(true);
    expect(waiting.openWindows()).toEqual([]);
    expect(waiting.protocolHandlers.size).toBe(0);
    expect(waiting.invokeHandlers.size).toBe(0);
    expect(existsSync(path.join(dataDir, 'hamish.lock'))).toBe(false);
    waiting.app.ready();
    await windowOf(waiting);
    expect(existsSync(path.join(dataDir, 'hamish.lock'))).toBe(true);
    await stopApp(waiting);
    expect(existsSync(path.join(dataDir, 'hamish.lock'))).toBe(false);
  });
});

describe('starting', () => {
  it('registers app:// as a standard, secure scheme before the app is ready, and serves it after', () => {
    expect(electron.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect([...electron.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('asks the system to send it hamish:// links (a save asked for from a browser)', () => {
    expect(electron.app.protocolClients).toEqual(['hamish']);
  });

  it('takes the single-instance lock, and the data folder lock in the folder it was given', () => {
    expect(electron.app.hasSingleInstanceLock).toBe(true);
    expect(existsSync(path.join(dataDir, 'hamish.lock'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'library.json'))).toBe(true);
  });

  it('opens one window on app://hamish/index.html with the built preload', () => {
    expect(electron.openWindows()).toHaveLength(1);
    expect(window.loadedURL).toBe('app://hamish/index.html');
    const preload = (window.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(path.join(ROOT, 'out', 'preload', 'preload.cjs'));
    expect(existsSync(preload)).toBe(true);
  });

  it('isolates the page: context isolation, sandbox, no Node, no webviews, web security on', () => {
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('shows the window once the page is ready to show', () => {
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('sets the application menu and follows the theme setting', () => {
    expect(electron.applicationMenu).not.toBeNull();
    expect(['light', 'dark', 'system']).toContain(electron.nativeTheme.themeSource);
  });
});

describe('the app:// handler', () => {
  const fetchApp = (url: string) => {
    const handler = electron.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    return handler(new Request(url));
  };

  it('serves the page with the CSP as a header', async () => {
    const response = await fetchApp('app://hamish/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = rendererPolicy(path.join(ROOT, 'out', 'renderer'));
    expect(response.headers.get('content-security-policy')).toBe(policy);
    // The built page's inline code is allowed by hash, and nothing else inline.
    expect(policy).toMatch(/script-src 'self' 'sha256-[\w+/=]+' 'sha256-[\w+/=]+';/);
    expect(policy).toMatch(/style-src 'self' 'sha256-[\w+/=]+';/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves "/" as index.html, and the built scripts', async () => {
    const index = await (await fetchApp('app://hamish/')).text();
    expect(index).toContain('<div id="root">');
    // The entry, which the built page names for its own script to run (electron.vite.config.ts).
    const script = namedEntry(index)?.replace(/^\.\//, '');
    expect(script).toBeDefined();
    const response = await fetchApp(`app://hamish/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  // Targets outside out/renderer: the main process's own code, the project's files, system files.
  const corpus = [
    'app://hamish/../main/main.js',
    'app://hamish/..%2fmain%2fmain.js',
    'app://hamish/%2e%2e/main/main.js',
    'app://hamish/%2E%2E%2Fmain%2Fmain.js',
    'app://hamish/assets/..%2f..%2fmain%2fmain.js',
    'app://hamish/assets%2f..%2f..%2f..%2fpackage.json',
    'app://hamish/..%5cmain%5cmain.js',
    'app://hamish/%5c..%5c..%5cpackage.json',
    'app://hamish/..\\..\\package.json',
    'app://hamish/assets\\..\\..\\main\\main.js',
    'app://hamish//etc/passwd',
    'app://hamish/%2fetc%2fpasswd',
    `app://hamish/${encodeURIComponent(path.join(ROOT, 'package.json'))}`,
    'app://hamish/C:/Windows/win.ini',
    'app://hamish/C:%5cWindows%5cwin.ini',
    'app://hamish/index.html%00.png',
    'app://hamish/%00',
    'app://hamish/%252e%252e/main/main.js',
    'app://hamish/%E0%A4%A', // malformed percent-encoding
    'app://evil/index.html',
    'app://hamish.evil.example/index.html',
    'app://localhost/index.html',
    'app:///index.html',
    'app://hamish/does-not-exist.js',
  ];

  it.each(corpus)('refuses %s with 404', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});

describe('IPC', () => {
  it('answers exactly the contract methods, one channel each', () => {
    expect([...electron.invokeHandlers.keys()].sort()).toEqual(METHODS.map(channelOf).sort());
  });

  it('serves our page in the top frame of our window', async () => {
    const result = await invoke(electron, window, 'getSettings', {});
    expect(result).toMatchObject({ ok: true });
  });

  it('refuses invalid input with an error value', async () => {
    const result = await invoke(electron, window, 'setSettings', { fontSize: 'huge' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  const fontSize = async () =>
    ((await invoke(electron, window, 'getSettings', {})) as { value: { settings: { fontSize: number } } })
      .value.settings.fontSize;

  const senders: [string, () => unknown][] = [
    [
      'a frame inside our page',
      () => ipcEvent(window.webContents, window.webContents.subframe('app://hamish/x')),
    ],
    [
      'our window after it navigated to another origin',
      () => ipcEvent(window.webContents, { url: 'https://evil.example/', parent: null }),
    ],
    [
      'a look-alike host',
      () => ipcEvent(window.webContents, { url: 'app://hamish.evil/index.html', parent: null }),
    ],
    ['a file:// page', () => ipcEvent(window.webContents, { url: 'file:///tmp/index.html', parent: null })],
    ['a frame already gone', () => ipcEvent(window.webContents, null)],
    [
      'another web contents showing our page',
      () => {
        const other = new electron.BrowserWindow({});
        void other.loadURL('app://hamish/index.html');
        other.destroy();
        return ipcEvent(other.webContents);
      },
    ],
  ];

  it.each(senders)('refuses %s, and changes nothing', async (_name, event) => {
    const before = await fontSize();
    const result = await invoke(electron, window, 'setSettings', { fontSize: before + 2 }, event());
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Refused: the request did not come from the Hamish window.' },
    });
    expect(await fontSize()).toBe(before);
  });
});

describe('what the page may not do', () => {
  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('%s is prevented', (name) => {
    const event = new FakeEvent();
    window.webContents.emit(name, event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
  });

  const opens = (url: string) => window.webContents.windowOpenHandler?.({ url });

  it.each(['https://example.org/article', 'http://example.org/', 'mailto:editor@example.org?subject=Hamish'])(
    'opens %s outside the app only after the user confirms',
    async (url) => {
      const boxes = electron.messageBoxes.length;
      electron.messageBoxAnswers.push(1); // Cancel
      expect(opens(url)).toEqual({ action: 'deny' });
      await vi.waitFor(() => expect(electron.messageBoxes).toHaveLength(boxes + 1));
      expect(electron.messageBoxes.at(-1)?.detail).toBe(url);
      expect(electron.openedExternally).not.toContain(url);

      electron.messageBoxAnswers.push(0); // Open
      expect(opens(url)).toEqual({ action: 'deny' });
      await vi.waitFor(() => expect(electron.openedExternally).toContain(url));
    },
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://hamish/index.html',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker.example/share',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('drops %s without asking', (url) => {
    const boxes = electron.messageBoxes.length;
    const opened = electron.openedExternally.length;
    expect(opens(url)).toEqual({ action: 'deny' });
    // The confirmation would be asked for before the handler returns (nothing is awaited before it).
    expect(electron.messageBoxes).toHaveLength(boxes);
    expect(electron.openedExternally).toHaveLength(opened);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi', 'fullscreen'])(
    'is denied the %s permission',
    (permission) => {
      const granted: boolean[] = [];
      electron.permissionRequest?.(window.webContents, permission, (answer) => granted.push(answer));
      expect(granted).toEqual([false]);
      expect(electron.permissionCheck?.(window.webContents, permission)).toBe(false);
    },
  );

  it('may write plain text to the clipboard', () => {
    const granted: boolean[] = [];
    electron.permissionRequest?.(window.webContents, 'clipboard-sanitized-write', (answer) =>
      granted.push(answer),
    );
    expect(granted).toEqual([true]);
  });
});

describe('a hamish://save link', () => {
  it('is checked against the contract like a call from the page: an overlong address is refused, not fetched', async () => {
    const url = `https://news.example/${'a'.repeat(9000)}`;
    const errors = electron.errorBoxes.length;
    electron.messageBoxAnswers.push(0);
    electron.app.emit('open-url', new FakeEvent(), `hamish://save?url=${encodeURIComponent(url)}`);
    await vi.waitFor(() => expect(electron.errorBoxes.length).toBeGreaterThan(errors), { timeout: 10_000 });
    const refused = electron.errorBoxes.at(-1);
    expect(refused?.title).toBe('The page could not be saved');
    // The contract's own message (main/api/contract.ts, saveLink: at most 8192 characters), naming the field.
    expect(refused?.content).toMatch(/^url: .*8192/);
  });
});
