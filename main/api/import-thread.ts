/**
 * Runs the import worker (import-worker.ts) on one file's bytes with a deadline. The worker is found
 * beside this module when running from source (vitest, tsx: a .ts file, loaded through tsx's API) and, in the
 * built app and CLI, as its own entry `import-worker.js` in out/main — this module is then bundled into a
 * shared chunk one folder below it (out/main/chunks/).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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
