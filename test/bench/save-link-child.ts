import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../main/api/service';

/**
 * Run in its own process by save-link.ts, so that its peak memory (maxRSS) is the save's alone:
 * `tsx test/bench/save-link-child.ts URL` saves the page into a new data folder and prints
 * { ms, peakMB, baseMB, pictures } as JSON.
 */
const [url = ''] = process.argv.slice(2);
const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-save-'));
try {
  const service = await createService({ dataDir: path.join(dir, 'data') });
  const baseMB = process.resourceUsage().maxRSS / 1024;
  const start = performance.now();
  const outcome = await service.saveLink({ url });
  const ms = performance.now() - start;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  if (!outcome.ok) throw new Error(outcome.message);
  const article = await service.openArticle({ id: outcome.id });
  const pictures = article.blocks.filter((block) => block.image).length;
  process.stdout.write(JSON.stringify({ ms, peakMB, baseMB, pictures }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
