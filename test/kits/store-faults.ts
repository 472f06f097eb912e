import fs, { type FileHandle } from 'node:fs/promises';
import { vi } from 'vitest';

// A fault-injecting file system for tests: every call that changes the disk is counted as one step, and the
// k-th step fails. 'ENOSPC' and 'EIO' fail that one step (later ones succeed, so a rollback runs); 'crash'
// fails it and every step after it, as if the process had been killed there (kill -9): nothing more reaches
// the disk, not even a cleanup.

export type FaultMode = 'ENOSPC' | 'EIO' | 'crash';

export type Faults = {
  /** How many steps were asked for so far. */
  readonly steps: number;
  /** Whether the fault was met (false once the operation needed fewer than k steps). */
  readonly hit: boolean;
  /** Stops counting and failing (the spies are removed). */
  stop(): void;
};

const WRITE_FLAGS = /[wa+]/;

/** Starts failing the `k`-th step that changes the disk (1-based), in `mode`. */
export function injectFaults(k: number, mode: FaultMode): Faults {
  let steps = 0;
  let hit = false;
  const step = (what: string): void => {
    steps++;
    if (steps === k || (mode === 'crash' && steps > k)) {
      hit = true;
      const code = mode === 'crash' ? 'EIO' : mode;
      throw Object.assign(new Error(`${code}: injected fault at step ${steps} (${what})`), { code });
    }
  };
  const spies: { mockRestore(): void }[] = [
    wrap('rename'),
    wrap('rm'),
    wrap('unlink'),
    wrap('writeFile'),
    wrap('appendFile'),
    wrap('link'),
    wrap('copyFile'),
    wrap('mkdir'),
  ];
  const open = fs.open.bind(fs);
  spies.push(
    vi.spyOn(fs, 'open').mockImplementation(async (file, flags, mode_) => {
      const writing = typeof flags === 'string' && WRITE_FLAGS.test(flags);
      if (writing) step(`open ${String(file)}`);
      const handle = await open(file, flags, mode_);
      if (writing) wrapHandle(handle, step);
      return handle;
    }),
  );
  function wrap(
    name: 'rename' | 'rm' | 'unlink' | 'writeFile' | 'appendFile' | 'link' | 'copyFile' | 'mkdir',
  ) {
    const original = (fs[name] as (...args: unknown[]) => Promise<unknown>).bind(fs);
    return vi.spyOn(fs, name).mockImplementation((async (...args: unknown[]) => {
      step(`${name} ${String(args[0])}`);
      return original(...args);
    }) as never);
  }
  return {
    get steps() {
      return steps;
    },
    get hit() {
      return hit;
    },
    stop() {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

function wrapHandle(handle: FileHandle, step: (what: string) => void): void {
  for (const name of ['writeFile', 'write', 'appendFile', 'sync', 'datasync', 'truncate'] as const) {
    const original = (handle[name] as (...args: unknown[]) => Promise<unknown>).bind(handle);
    (handle as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      step(`${name} on an open file`);
      return original(...args);
    };
  }
}
