import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatch } from '../api/dispatch';
import { METHODS, channelOf } from '../../shared/methods';
import type { Service } from '../api/service';
import { APP_ORIGIN } from './csp';

/** Only our own page, in the top frame of our own window, may call the service. */
function trustedSender(event: IpcMainInvokeEvent, window: () => WebContents | null, origin: string): boolean {
  const frame = event.senderFrame;
  const contents = window();
  if (!frame || !contents || event.sender !== contents) return false;
  if (frame !== contents.mainFrame) return false;
  // A prefix test, not URL.origin: WHATWG URL gives "null" as the origin of custom schemes.
  return frame.url.startsWith(`${origin}/`);
}

/**
 * Registers one handler per contract method; anything else has no handler and is refused by Electron.
 * `track` follows every call in flight (quitting waits for them); `called` is told of each call that succeeded.
 */
export function registerIpc(
  service: Service,
  window: () => WebContents | null,
  origin = APP_ORIGIN,
  track: <T>(work: Promise<T>) => Promise<T> = (work) => work,
  called: (method: (typeof METHODS)[number]) => void = () => undefined,
): void {
  for (const method of METHODS) {
    ipcMain.handle(channelOf(method), async (event, input: unknown) => {
      if (!trustedSender(event, window, origin)) {
        return {
          ok: false,
          error: {
            code: 'invalid-input',
            message: 'Refused: the request did not come from the Hamish window.',
          },
        };
      }
      const result = await track(dispatch(service, method, input));
      if (result.ok) called(method);
      return result;
    });
  }
}
