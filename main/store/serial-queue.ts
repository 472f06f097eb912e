/**
 * Runs tasks one at a time, in the order they were given. A task that fails rejects its own promise only: the
 * tasks after it still run. Each store file (its adapter, its document) has one, so its writes never overlap
 * and each change starts from the state the one before it left (docs/ARCHITECTURE.md, "Why it survives a crash").
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` once every task given before it has settled; resolves or rejects as `task` does. */
  run<R>(task: () => R | Promise<R>): Promise<R> {
    const next = this.tail.then(task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
