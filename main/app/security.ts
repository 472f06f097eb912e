import { app, dialog, session, shell, type WebContents } from 'electron';
import { externalLink } from './link-policy';
import { shellText, type ShellLanguage } from './shell-strings';

let language: ShellLanguage = 'en';

/** The language of the shell's dialogs, following the interface setting. */
export function setDialogLanguage(next: ShellLanguage): void {
  language = next;
}

/**
 * Opens a web link in the system browser, or a mailto: link in the mail client, only after the user confirms
 * (see externalLink). Anything else is dropped.
 */
async function openExternalAfterConfirm(contents: WebContents, url: string): Promise<void> {
  const link = externalLink(url);
  if (!link) return;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: [shellText(language, 'shell.open'), shellText(language, 'shell.cancel')],
    defaultId: 1,
    cancelId: 1,
    message: shellText(language, 'shell.openLink'),
    detail: link,
  });
  if (response === 0 && !contents.isDestroyed()) await shell.openExternal(link);
}

/**
 * Electron security checklist, for every web contents: no navigation away from the app, no new windows,
 * no webviews, and every permission request and check denied (Electron grants them all by default).
 */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalAfterConfirm(contents, url);
      return { action: 'deny' };
    });
  });
}

// Writing plain text to the clipboard ("copy the highlight's text") is the one permission the page needs.
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Denies every permission (camera, notifications, geolocation, …) but clipboard writing. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    ALLOWED_PERMISSIONS.has(permission),
  );
}
