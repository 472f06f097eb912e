import { describe, expect, it } from 'vitest';
import { PendingWrites } from './pending-writes';
import { quitSequence, type QuitSteps } from './quit';

/** A quit sequence whose steps write what they do into `log`. */
function recorded(overrides: Partial<QuitSteps> = {}) {
  const log: string[] = [];
  const pending = new PendingWrites();
  const steps: QuitSteps = {
    closeWindows: async () => void log.push('close windows'),
    pending,
    release: async () => void log.push('release lock'),
    quit: () => log.push('quit'),
    exit: (code) => log.push(`exit ${code}`),
    warn: (message) => log.push(`warn: ${message}`),
    timeoutMs: 50,
    ...overrides,
  };
  return { log, pending, sequence: quitSequence(steps) };
}

const event = () => {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
};

const until = (log: string[], line: string) =>
  new Promise<void>((resolve) => {
    const check = () => (log.includes(line) ? resolve() : setTimeout(check, 1));
    check();
  });

describe('quitSequence', () => {
  it('holds the first quit back, closes the windows, waits for the writes, releases the lock, quits', async () => {
    let finishWrite: () => void = () => undefined;
    const { log, pending, sequence } = recorded();
    void pending
      .track(new Promise<void>((resolve) => (finishWrite = resolve)))
      .then(() => log.push('write done'));
    const first = event();
    sequence.beforeQuit(first);
    expect(first.prevented).toBe(true);
    expect(sequence.quitting).toBe(true);
    await until(log, 'close windows');
    expect(log).toEqual(['close windows']);
    finishWrite();
    await until(log, 'quit');
    expect(log).toEqual(['close windows', 'write done', 'release lock', 'quit']);
    const last = event();
    sequence.beforeQuit(last);
    expect(last.prevented).toBe(false);
  });

  it('runs once when quit is asked for again meanwhile, even from inside closing the windows', async () => {
    const again: ReturnType<typeof event>[] = [];
    const holder: { sequence?: ReturnType<typeof quitSequence> } = {};
    const { log, sequence } = recorded({
      closeWindows: async () => {
        log.push('close windows');
        // The last window closing quits the app, synchronously in the middle of this step.
        const e = event();
        again.push(e);
        holder.sequence?.beforeQuit(e);
      },
    });
    holder.sequence = sequence;
    sequence.beforeQuit(event());
    sequence.beforeQuit(event());
    await until(log, 'quit');
    expect(log).toEqual(['close windows', 'release lock', 'quit']);
    expect(again.map((e) => e.prevented)).toEqual([true]);
  });

  it('exits with the code asked for after a failure, and a quit meanwhile does not change it', async () => {
    const { log, sequence } = recorded();
    const done = sequence.exitAfterFlush(1);
    sequence.beforeQuit(event());
    await done;
    expect(log).toEqual(['close windows', 'release lock', 'exit 1']);
  });

  it('quits when the writes outlast the time allowed, saying so, and still releases the lock', async () => {
    const { log, pending, sequence } = recorded();
    void pending.track(new Promise(() => undefined));
    sequence.beforeQuit(event());
    await until(log, 'quit');
    expect(log).toEqual([
      'close windows',
      'warn: Quitting with 1 write(s) still running after 50 ms.',
      'release lock',
      'quit',
    ]);
  });

  it('quits even if the lock cannot be released', async () => {
    const { log, sequence } = recorded({
      release: () => Promise.reject(new Error('EACCES')),
    });
    sequence.beforeQuit(event());
    await until(log, 'quit');
    expect(log).toEqual(['close windows', 'warn: Could not release the lock: Error: EACCES', 'quit']);
  });
});
