/**
 * The writes in flight in the main process (every call from the page, the window's size, the daily backup),
 * so that quitting can wait until they are on disk before the data folder's lock is released.
 */
export class PendingWrites {
  private readonly running = new Set<Promise<unknown>>();

  /** Follows `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return work;
  }

  /** How many are still running. */
  get size(): number {
    return this.running.size;
  }

  /**
   * Resolves to true once nothing is running (writes started while waiting are waited for too), or to false
   * when `timeoutMs` passes first.
   */
  async settled(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      while (this.running.size > 0) {
        const next = await Promise.race([Promise.all([...this.running]).then(() => true), timedOut]);
        if (!next) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
