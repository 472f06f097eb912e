import { EventEmitter } from 'node:events';
import path from 'node:path';

/**
 * A recording stand-in for the parts of the `electron` module the main process uses, written from Electron's
 * documented behaviour: the app's lifecycle (ready, before-quit → windows closed → will-quit → quit, exit,
 * window-all-closed), the single-instance lock per userData folder, windows and their web contents, IPC
 * handlers, the protocol handler, the session's permission handlers, dialogs and the shell. Each call is
 * recorded so tests can check what the built main process asked Electron to do, and tests play the user,
 * the page and the operating system by emitting the events Electron would.
 */

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** An Electron event: handlers may call preventDefault(). */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export type FakeFrame = { url: string; parent: FakeFrame | null };

/** Electron's single-instance lock is per userData folder: one holder per folder, across every stand-in. */
const holders = new Map<string, FakeElectron>();

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
type InvokeHandler = (event: unknown, input: unknown) => Promise<unknown>;
type ProtocolHandler = (request: Request) => Promise<Response>;
type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheck = (contents: unknown, permission: string) => boolean;
type Area = { x: number; y: number; width: number; height: number };
type Bounds = Area;

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  /** What the page does when it is unloaded (its pagehide handlers); tests set it. */
  onPageHide: (() => void) | null = null;
  readonly inputEvents: unknown[] = [];

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  sendInputEvent(event: unknown): void {
    this.inputEvents.push(event);
  }
  /** A frame inside the page (an iframe). */
  subframe(url: string): FakeFrame {
    return { url, parent: this.mainFrame };
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export type FakeWindow = InstanceType<ReturnType<typeof windowClass>>;

function windowClass(electron: FakeElectron) {
  return class FakeBrowserWindow extends EventEmitter {
    static getAllWindows(): FakeBrowserWindow[] {
      return [...electron.windows] as FakeBrowserWindow[];
    }

    readonly webContents = new FakeWebContents();
    bounds: Bounds;
    destroyed = false;
    maximized = false;
    minimized = false;
    shown = false;
    focusCount = 0;
    loadedURL = '';

    constructor(readonly options: Record<string, unknown>) {
      super();
      if (!electron.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
      const primary = electron.displays[0]?.workArea ?? { x: 0, y: 0, width: 1920, height: 1080 };
      const width = Number(options.width ?? 800);
      const height = Number(options.height ?? 600);
      this.bounds = {
        x: Number(options.x ?? primary.x + Math.round((primary.width - width) / 2)),
        y: Number(options.y ?? primary.y + Math.round((primary.height - height) / 2)),
        width,
        height,
      };
      electron.windows.add(this);
      electron.log.push('new BrowserWindow');
      electron.app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }

    loadURL(url: string): Promise<void> {
      this.loadedURL = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {
      this.focusCount++;
    }
    minimize(): void {
      this.minimized = true;
    }
    restore(): void {
      this.minimized = false;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getNormalBounds(): Bounds {
      return { ...this.bounds };
    }
    /** The user resizes or moves the window. */
    setBounds(bounds: Partial<Bounds>): void {
      this.bounds = { ...this.bounds, ...bounds };
      this.emit('resize');
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    /** Like a click on the close button: 'close' (which may be prevented), the page unloads, 'closed'. */
    close(): void {
      if (this.destroyed) return;
      const event = new FakeEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.webContents.onPageHide?.();
      this.destroy();
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      electron.windows.delete(this);
      this.webContents.destroy();
      this.emit('closed');
      electron.log.push('window closed');
      // Electron: not emitted while the app quits (it closes the windows itself, then emits will-quit).
      if (electron.windows.size === 0 && !electron.app.quitting) {
        if (electron.app.listenerCount('window-all-closed') > 0) electron.app.emit('window-all-closed');
        else electron.app.quit();
      }
    }
  };
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  quitting = false;
  exitCode: number | null = null;
  /** Called at the moment the process would end (tests look at the disk there). */
  onExit: (() => void) | null = null;
  readonly exited: Promise<number>;
  private resolveExited: (code: number) => void = () => undefined;
  private readyFlag = false;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  hasSingleInstanceLock = false;

  constructor(
    private readonly electron: FakeElectron,
    readonly paths: Record<string, string>,
  ) {
    super();
    this.exited = new Promise<number>((resolve) => (this.resolveExited = resolve));
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.readyFlag;
  }
  /** The operating system has started the app. */
  ready(): void {
    this.readyFlag = true;
    this.resolveReady();
    this.emit('ready');
  }
  getPath(name: string): string {
    const value = this.paths[name];
    if (!value) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  setPath(name: string, value: string): void {
    if (this.readyFlag && name === 'userData') this.electron.log.push('setPath(userData) after ready');
    this.paths[name] = value;
    this.electron.log.push(`setPath ${name}`);
  }
  getAppPath(): string {
    return ROOT;
  }
  getLocale(): string {
    return 'en-US';
  }
  /** The link schemes the app asked the system to send it (`hamish://`). */
  readonly protocolClients: string[] = [];
  setAsDefaultProtocolClient(scheme: string): boolean {
    this.protocolClients.push(scheme);
    this.electron.log.push(`setAsDefaultProtocolClient ${scheme}`);
    return true;
  }
  requestSingleInstanceLock(additionalData?: unknown): boolean {
    const folder = this.getPath('userData');
    const holder = holders.get(folder);
    if (holder && holder !== this.electron && holder.app.exitCode === null) {
      holder.app.emit('second-instance', new FakeEvent(), [...process.argv], process.cwd(), additionalData);
      return false;
    }
    holders.set(folder, this.electron);
    this.hasSingleInstanceLock = true;
    return true;
  }
  /** Electron's quit: before-quit (may be prevented), close every window, will-quit, quit, exit 0. */
  quit(): void {
    if (this.exitCode !== null) return;
    this.electron.log.push('app.quit()');
    const beforeQuit = new FakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) {
      this.electron.log.push('before-quit prevented');
      return;
    }
    this.quitting = true;
    for (const window of [...this.electron.windows]) window.close();
    if (this.electron.windows.size > 0) {
      this.quitting = false;
      return;
    }
    const willQuit = new FakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', new FakeEvent(), 0);
    this.finish(0);
  }
  /** Electron's exit: windows destroyed without asking, no before-quit or will-quit. */
  exit(code = 0): void {
    if (this.exitCode !== null) return;
    this.electron.log.push(`app.exit(${code})`);
    this.quitting = true;
    for (const window of [...this.electron.windows]) window.destroy();
    this.finish(code);
  }
  private finish(code: number): void {
    this.exitCode = code;
    this.electron.log.push(`exited ${code}`);
    this.onExit?.();
    for (const [folder, holder] of holders) if (holder === this.electron) holders.delete(folder);
    this.resolveExited(code);
  }
}

export type MessageBoxOptions = { message: string; detail?: string; buttons?: string[] };

/** The whole stand-in: one per simulated process. */
export class FakeElectron {
  readonly log: string[] = [];
  readonly windows = new Set<EventEmitter & { close(): void; destroy(): void }>();
  displays: { workArea: Area; bounds: Area }[] = [
    {
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    },
  ];
  readonly app: FakeApp;
  readonly BrowserWindow: ReturnType<typeof windowClass>;

  readonly invokeHandlers = new Map<string, InvokeHandler>();
  readonly ipcMain = {
    handle: (channel: string, handler: InvokeHandler) => {
      if (this.invokeHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.invokeHandlers.set(channel, handler);
    },
    removeHandler: (channel: string) => void this.invokeHandlers.delete(channel),
  };

  readonly privilegedSchemes: unknown[] = [];
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  readonly protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      if (this.app.isReady())
        throw new Error('registerSchemesAsPrivileged must be called before app is ready');
      this.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: ProtocolHandler) => {
      if (!this.app.isReady()) throw new Error('protocol.handle must be called after app is ready');
      this.protocolHandlers.set(scheme, handler);
    },
  };

  permissionRequest: PermissionRequest | null = null;
  permissionCheck: PermissionCheck | null = null;
  readonly session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: PermissionRequest) => {
        this.permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: PermissionCheck) => {
        this.permissionCheck = handler;
      },
    },
  };

  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly messageBoxes: MessageBoxOptions[] = [];
  /** The button the user presses in the next message boxes (default: the last one, cancel). */
  messageBoxAnswers: number[] = [];
  /** What the open-file dialog returns; tests may leave it pending, as a user who never answers. */
  openDialog: () => Promise<{ canceled: boolean; filePaths: string[] }> = () =>
    Promise.resolve({ canceled: true, filePaths: [] });
  readonly dialog = {
    showErrorBox: (title: string, content: string) => {
      this.log.push('error box');
      this.errorBoxes.push({ title, content });
    },
    showMessageBox: async (...args: unknown[]) => {
      const options = args.at(-1) as MessageBoxOptions;
      this.messageBoxes.push(options);
      // Without buttons Electron shows one, OK.
      return { response: this.messageBoxAnswers.shift() ?? Math.max(0, (options.buttons?.length ?? 1) - 1) };
    },
    showOpenDialog: () => this.openDialog(),
    showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }),
  };

  readonly openedExternally: string[] = [];
  readonly shell = {
    openExternal: async (url: string) => {
      this.openedExternally.push(url);
    },
  };

  readonly screen = {
    getAllDisplays: () => this.displays,
    getPrimaryDisplay: () => this.displays[0],
  };

  applicationMenu: unknown = null;
  readonly Menu = {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => {
      this.applicationMenu = menu;
    },
  };
  readonly nativeTheme = { themeSource: 'system' };

  /** The key store: encryption the test can recognise and undo, never the text itself. */
  readonly safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (data: Buffer) => {
      const sealed = data.toString();
      if (!sealed.startsWith('sealed:')) throw new Error('not something safeStorage encrypted');
      return Buffer.from(sealed.slice('sealed:'.length), 'hex').toString();
    },
  };

  constructor(paths: { userData: string; documents?: string }) {
    this.app = new FakeApp(this, { documents: paths.documents ?? paths.userData, ...paths });
    this.BrowserWindow = windowClass(this);
  }

  /** The app's windows still open. */
  openWindows(): FakeWindow[] {
    return this.BrowserWindow.getAllWindows();
  }
}
