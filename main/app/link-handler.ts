import { app, dialog, type BrowserWindow } from 'electron';
import { call } from '../api/checked-call';
import { toApiError } from '../api/errors';
import type { Service } from '../api/service';
import { confirmedSave, LINK_SCHEME, linkInArgv } from '../web/link-request';
import { shellText, type ShellLanguage } from './shell-strings';

type Deps = {
  /** The service once the library is open (links that arrive earlier wait for it). */
  service: Promise<Service>;
  window: () => BrowserWindow | null;
  language: () => ShellLanguage;
  /** Where the renderer is served from (the dev server in development). */
  origin: () => string;
};

/** Asks a yes/no question in a dialog (attached to the window when there is one); true for yes. */
async function confirm(
  window: BrowserWindow | null,
  language: ShellLanguage,
  message: string,
  detail: string,
) {
  const options = {
    type: 'question' as const,
    buttons: [shellText(language, 'shell.save'), shellText(language, 'shell.cancel')],
    defaultId: 1,
    cancelId: 1,
    message,
    detail,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  return response === 0;
}

/**
 * The `hamish://save?url=…` link handler: registered with the system, received through macOS's `open-url`
 * or a second instance's command line (Windows, Linux) or the first launch's. A web page can send such a
 * link, so nothing is fetched until the person says yes, and a page on the local computer or the local network
 * (a router, a printer, a service on localhost) needs a second yes.
 */
export function handleSaveLinks(deps: Deps): { fromArgv: (argv: readonly string[]) => void } {
  let queue: Promise<void> = Promise.resolve();

  async function handle(link: string): Promise<void> {
    // A link that launched the app waits for its library and window: no dialog can show before them.
    const service = await deps.service;
    const url = await confirmedSave(link, (question, address) => {
      const language = deps.language();
      const message = shellText(language, question === 'save' ? 'shell.saveLink' : 'shell.saveLinkPrivate');
      return confirm(deps.window(), language, message, address);
    });
    if (url === null) return;
    const language = deps.language();
    // Through the checked path, as IPC and the command line call it: the address is validated like the page's.
    const outcome = await call(service, 'saveLink', { url }).catch((error: unknown) => ({
      ok: false as const,
      message: toApiError(error).message,
    }));
    if (!outcome.ok) {
      dialog.showErrorBox(shellText(language, 'shell.saveFailed'), outcome.message);
      return;
    }
    const target = deps.window();
    if (target && !target.isDestroyed()) {
      // Reloading shows the library with the new article and opens it.
      await target.loadURL(`${deps.origin()}/index.html#/article/${outcome.id}`);
      if (target.isMinimized()) target.restore();
      target.focus();
    }
  }

  const enqueue = (link: string) => {
    // One request at a time: two links arriving together get two questions, one after the other.
    queue = queue.then(() => handle(link)).catch(() => undefined);
  };

  if (process.defaultApp && process.argv.length >= 2) {
    // Started as `electron .`: the system must launch it with its script to deliver the link.
    app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [process.argv[1] ?? '.']);
  } else app.setAsDefaultProtocolClient(LINK_SCHEME);

  app.on('open-url', (event, url) => {
    event.preventDefault();
    enqueue(url);
  });

  return {
    fromArgv(argv) {
      const link = linkInArgv(argv);
      if (link !== null) enqueue(link);
    },
  };
}
