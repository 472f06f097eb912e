import fs from 'node:fs/promises';
import path from 'node:path';
import { acquireLock } from '../../main/store/lock';
import { waitForGo } from './process-race-kit';

/*
 * A child of lock-race.test.ts: takes the data folder's lock (waiting while another holds it), then proves it
 * is alone by creating `holding` exclusively, holds it a moment, and lets go. Prints "overlap" if another
 * holder's `holding` was there: two processes held the lock at once.
 */
const dataDir = process.argv[2] ?? '';
const holding = path.join(dataDir, 'holding');
await waitForGo();
// Waiting as a hamish command does: polling with a growing pause while another holds it.
const release = await acquireLock(dataDir, { owner: 'cli', waitMs: 60_000 });
let alone = true;
try {
  await fs.writeFile(holding, String(process.pid), { flag: 'wx' });
} catch {
  alone = false;
}
await new Promise((resolve) => setTimeout(resolve, 5));
if (alone) await fs.rm(holding);
await release();
process.stdout.write(alone ? 'alone\n' : 'overlap\n');
