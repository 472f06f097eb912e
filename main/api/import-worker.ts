/**
 * The import worker: turns files' bytes into articles in a worker thread, so that a file that is slow to
 * read cannot freeze the app's main process and can be stopped at a deadline. For each `{ bytes, name }`
 * it receives it posts back `{ ok: true, value }` or `{ ok: false, code?, message }` (a code for a
 * refusal the user can act on). One worker serves many imports, one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError } from '../articles/import-error';
import { importBytesInThisThread } from './import-file';

parentPort?.on('message', ({ bytes, name }: { bytes: Uint8Array; name: string }) => {
  try {
    parentPort?.postMessage({ ok: true, value: importBytesInThisThread(bytes, name) });
  } catch (error) {
    parentPort?.postMessage(
      error instanceof ImportError
        ? { ok: false, code: error.code, message: error.message }
        : { ok: false, message: error instanceof Error ? error.message : String(error) },
    );
  }
});
