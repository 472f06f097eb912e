/**
 * The import worker: turns files' bytes into articles in a worker thread, so that a file that is slow to
 * read cannot freeze the app's main process and can be stopped at a deadline. For each `{ bytes, name }`
 * it receives it posts back `{ ok: true, value }` or `{ ok: false, code?, message }` (a code for a
 * refusal the user can act on). One worker serves many imports, one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError } from '../articles/import-error';
import { importBytesInThisThread, picturesBeside } from '../articles';
import type { ImportRequest } from './import-thread';

parentPort?.on('message', ({ bytes, name, picturesBeside: from }: ImportRequest) => {
  try {
    const pictures = from === undefined ? undefined : picturesBeside(from);
    parentPort?.postMessage({ ok: true, value: importBytesInThisThread(bytes, name, pictures) });
  } catch (error) {
    parentPort?.postMessage(
      error instanceof ImportError
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, message: error instanceof Error ? error.message : String(error) },
    );
  }
});
