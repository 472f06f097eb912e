/**
 * Runs the import worker (import-worker.ts) on one file's bytes with a deadline. The worker is found
 * beside this module when running from source (vitest, tsx: a .ts file, loaded through tsx's API) and, in the
 * built app and CLI, as its own entry `import-worker.js` in out/main — this module is then bundled into a
 * shared chunk one folder below it (out/main/chunks/).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportedFile } from '../articles';
import { MAX_IMPORT_BYTES } from '../articles/decode';
import type { ErrorCode } from './contract';
import { HamishError } from './errors';

/** What the worker is asked: a file's bytes, its name for errors, and where it was read from (for pictures). */
export type ImportRequest = { bytes: Uint8Array; name: string; picturesBeside?: string | undefined };

type WorkerReply<T> = { ok: true; value: T } | { ok: false; code?: ErrorCode; message: string };

/** The worker's file, or from source a script that registers tsx (a worker does not inherit it) first. */
function workerScript(): { script: string; evaluate: boolean } {
  const source = new URL('./import-worker.ts', import.meta.url);
  if (existsSync(source)) {
    // tsx's ES module entry (its CommonJS one cannot register the ES module hooks a worker needs).
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
      /\.cjs$/,
      '.mjs',
    );
    const script = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
    return { script, evaluate: true };
  }
  for (const built of ['../import-worker.js', './import-worker.js']) {
    const file = fileURLToPath(new URL(built, import.meta.url));
    if (existsSync(file)) return { script: file, evaluate: false };
  }
  throw new HamishError('internal', 'The import worker (import-worker.js) is missing from this build.');
}

// Workers left idle after an import, reused by the next one: starting a worker loads the importers
// (jsdom among them), which costs far more than most imports. Idle workers do not keep the process alive.
const idle: Worker[] = [];
const MAX_IDLE = 2;

function takeWorker(): Worker {
  const reused = idle.pop();
  if (reused !== undefined) {
    reused.ref();
    return reused;
  }
  const { script, evaluate } = workerScript();
  const worker = new Worker(script, { eval: evaluate });
  // An idle worker that dies (it should not) is simply not reused.
  worker.on('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}

function releaseWorker(worker: Worker): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  if (idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.push(worker);
}

/**
 * Imports `request.bytes` (named `request.name` in errors) in a worker thread and resolves with its result, or rejects
 * with the worker's refusal as a HamishError, or with 'too-slow' once `timeLimitMs` has passed (the
 * worker is then terminated, so no CPU is spent on the file after that).
 */
export function runImportWorker<T>(request: ImportRequest, timeLimitMs: number): Promise<T> {
  const { name } = request;
  const worker = takeWorker();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void, reusable: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      worker.off('exit', exited);
      if (reusable) releaseWorker(worker);
      else void worker.terminate();
      outcome();
    };
    const deadline = setTimeout(() => {
      const seconds = Math.round(timeLimitMs / 100) / 10;
      settle(
        () =>
          reject(
            new HamishError(
              'too-slow',
              `${name}: reading it took longer than ${seconds} s, so the import was stopped; the file may be built to be slow to read (deeply nested or full of unclosed markup).`,
              name,
            ),
          ),
        false,
      );
    }, timeLimitMs);
    const exited = (code: number): void =>
      settle(
        () =>
          reject(
            new HamishError(
              'internal',
              `${name}: the import stopped unexpectedly (exit code ${code}).`,
              name,
            ),
          ),
        false,
      );
    worker.on('exit', exited);
    worker.on('message', (reply: WorkerReply<T>) =>
      settle(
        () =>
          reply.ok
            ? resolve(reply.value)
            : reject(new HamishError(reply.code ?? 'internal', reply.message, name)),
        true,
      ),
    );
    worker.on('error', (error) =>
      settle(
        () => reject(new HamishError('internal', `${name}: the import failed (${error.message}).`, name)),
        false,
      ),
    );
    worker.postMessage(request);
  });
}

/**
 * Turns a file's bytes into an article in a worker thread, stopped after `timeLimitMs` (by default
 * IMPORT_TIME_LIMIT_MS) with a 'too-slow' error naming the file. Refusals are HamishErrors naming `name`.
 * `picturesBeside` is the path the bytes were read from, when they were: the worker reads the pictures
 * beside it (picturesBeside()); without it, the file arrived as content only.
 */
export async function importBytes(
  bytes: Uint8Array,
  name: string,
  options: { timeLimitMs?: number; picturesBeside?: string } = {},
): Promise<ImportedFile> {
  return runImportWorker<ImportedFile>(
    { bytes, name, picturesBeside: options.picturesBeside },
    options.timeLimitMs ?? importTimeLimitMs(),
  );
}

/**
 * How long one file may take to import: 20 s, far above the longest real article (a 10 MB text or a
 * 1 MB web page takes about a second), unless HAMISH_IMPORT_TIME_LIMIT_MS says otherwise (slow machines,
 * tests).
 */
export const IMPORT_TIME_LIMIT_MS = 20_000;

function importTimeLimitMs(): number {
  const configured = Number(process.env['HAMISH_IMPORT_TIME_LIMIT_MS']);
  return Number.isFinite(configured) && configured > 0 ? configured : IMPORT_TIME_LIMIT_MS;
}

/** Reads one file from disk and turns it into an article, or throws an error naming the file. */
export async function importFileToArticle(file: string): Promise<ImportedFile> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new HamishError('not-found', `${file}: no such file.`, file);
    throw new HamishError('io', `${file}: cannot be read (${error.code ?? error.message}).`, file);
  });
  if (!info.isFile()) throw new HamishError('not-a-file', `${file}: not a file.`, file);
  if (info.size === 0) throw new HamishError('empty', `${file}: the file is empty.`, file);
  if (info.size > MAX_IMPORT_BYTES) {
    throw new HamishError(
      'too-large',
      `${file}: ${Math.ceil(info.size / 1024 / 1024)} MB is more than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.`,
      file,
    );
  }
  const name = path.basename(file);
  try {
    return await importBytes(await readFile(file), name, { picturesBeside: file });
  } catch (error) {
    // Name the file with its full path, as the user gave it.
    if (error instanceof HamishError && error.file === name)
      throw new HamishError(error.code, error.message.replace(name, file), file);
    throw error;
  }
}
