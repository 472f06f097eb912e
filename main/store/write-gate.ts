/**
 * Lets ordinary writes run side by side (each file already orders its own writes) while a backup or a restore
 * runs alone: it waits for the writes already started, and writes started after it wait for it. A backup then
 * sees no file half-way through an operation, and a restore cannot be overwritten by a late write.
 */
export class WriteGate {
  private readonly running = new Set<Promise<unknown>>();
  private exclusiveDone: Promise<unknown> = Promise.resolve();

  /** Runs `task` alongside other shared tasks, after any exclusive task queued before it. */
  shared<T>(task: () => Promise<T>): Promise<T> {
    const run = this.exclusiveDone.then(task);
    const settled = run.catch(() => undefined);
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return run;
  }

  /** Runs `task` once every task queued before it has finished, and holds back every task queued after it. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = Promise.all([...this.running, this.exclusiveDone]).then(task);
    this.exclusiveDone = run.catch(() => undefined);
    return run;
  }
}
