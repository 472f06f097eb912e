import type { PendingWrites } from './pending-writes';

/** How long quitting waits for the last writes, at most: long enough for a large library file, short enough
 * that the app never seems to hang. */
export const QUIT_TIMEOUT_MS = 3000;

export type QuitSteps = {
  /**
   * Closes the windows, so that their pages run their `pagehide` handlers and send their last saves (and the
   * window's size is saved), within `timeoutMs`; windows still open then are destroyed.
   */
  closeWindows(timeoutMs: number): Promise<void>;
  /** The writes to wait for. */
  pending: PendingWrites;
  /** Releases the data folder's lock. */
  release(): Promise<void>;
  /** Quits the app for real (`app.quit()`, which no longer waits) or exits with a failure code. */
  quit(): void;
  exit(code: number): void;
  /** Told when the writes were still running when the time ran out. */
  warn(message: string): void;
  timeoutMs?: number;
};

export type QuitSequence = {
  /** The `before-quit` handler: holds the quit back the first time, flushes, then quits again. */
  beforeQuit(event: { preventDefault(): void }): void;
  /** The same flush, then exits with `code` (after a failure the user has been told about). */
  exitAfterFlush(code: number): Promise<void>;
  /** True once quitting has begun: no new window may open. */
  readonly quitting: boolean;
};

/**
 * A clean quit, whatever started it (menu, Ctrl/Cmd+Q, the last window closed, logout, a failed page): the
 * windows close and their pages send their last saves, every write in flight is waited for (within a bounded
 * time) so it is on disk, and only then is the lock released and the app quits. Quitting twice runs it once.
 */
export function quitSequence(steps: QuitSteps): QuitSequence {
  const timeoutMs = steps.timeoutMs ?? QUIT_TIMEOUT_MS;
  let state: 'running' | 'flushing' | 'done' = 'running';
  let finishing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    const started = Date.now();
    await steps.closeWindows(timeoutMs);
    const left = Math.max(0, timeoutMs - (Date.now() - started));
    if (!(await steps.pending.settled(left)))
      steps.warn(`Quitting with ${steps.pending.size} write(s) still running after ${timeoutMs} ms.`);
    await steps
      .release()
      .catch((error: unknown) => steps.warn(`Could not release the lock: ${String(error)}`));
  }

  function finish(code: number): Promise<void> {
    if (!finishing) {
      state = 'flushing';
      // Started on the next microtask, so that a quit asked for while the windows close (the last window
      // closing quits the app) finds this one already under way.
      finishing = Promise.resolve()
        .then(flush)
        .then(() => {
          state = 'done';
          if (code === 0) steps.quit();
          else steps.exit(code);
        });
    }
    return finishing;
  }

  return {
    beforeQuit(event) {
      if (state === 'done') return;
      event.preventDefault();
      void finish(0);
    },
    exitAfterFlush: finish,
    get quitting() {
      return state !== 'running';
    },
  };
}

/** Resolves when `work` settles or after `ms`, whichever is first. */
export async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
