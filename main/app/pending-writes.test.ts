import { describe, expect, it } from 'vitest';
import { PendingWrites } from './pending-writes';

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('PendingWrites', () => {
  it('is settled at once when nothing runs', async () => {
    await expect(new PendingWrites().settled(1000)).resolves.toBe(true);
  });

  it('passes the work through unchanged', async () => {
    const pending = new PendingWrites();
    await expect(pending.track(Promise.resolve(42))).resolves.toBe(42);
    await expect(pending.track(Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  });

  it('waits for every write, including those started while it waits, and for failed ones to end', async () => {
    const pending = new PendingWrites();
    const first = deferred();
    const second = deferred();
    const order: string[] = [];
    void pending.track(first.promise).then(() => order.push('first'));
    const settled = pending.settled(60_000).then((done) => order.push(`settled ${done}`));
    void pending.track(second.promise).catch(() => order.push('second failed'));
    first.resolve();
    await Promise.resolve();
    second.reject(new Error('EIO'));
    await settled;
    expect(order).toEqual(['first', 'second failed', 'settled true']);
    expect(pending.size).toBe(0);
  });

  it('gives up when the time is over, saying so', async () => {
    const pending = new PendingWrites();
    void pending.track(new Promise(() => undefined));
    await expect(pending.settled(10)).resolves.toBe(false);
    expect(pending.size).toBe(1);
  });
});
