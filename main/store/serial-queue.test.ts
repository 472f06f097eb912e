import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('SerialQueue', () => {
  it('runs a task only after the one before it has finished, in the order given', async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    const slow = queue.run(async () => {
      events.push('slow starts');
      await tick();
      events.push('slow ends');
      return 1;
    });
    const quick = queue.run(() => {
      events.push('quick runs');
      return 2;
    });
    expect(await Promise.all([slow, quick])).toEqual([1, 2]);
    expect(events).toEqual(['slow starts', 'slow ends', 'quick runs']);
  });

  it('rejects only the failed task and still runs the ones after it', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      await tick();
      throw new Error('disk full');
    });
    const after = queue.run(() => 'written');
    await expect(failed).rejects.toThrow('disk full');
    await expect(after).resolves.toBe('written');
  });
});
