import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../main/api/service';
import { launchBrowser } from '../e2e/harness';
import { generateArabicArticle } from './generate';
import { httpBridge, serveOpenBench } from './open-server';

const dir = await mkdtemp(path.join(os.tmpdir(), 'perf-prof-'));
const files = path.join(dir, 'files');
await mkdir(files);
const body = generateArabicArticle(3000);
const paths: string[] = [];
for (let i = 1; i <= 500; i++) { const f = path.join(files, `a-${i}.txt`); await writeFile(f, `مقالة رقم ${i}\n\n${body}`); paths.push(f); }
const service = await createService({ dataDir: path.join(dir, 'data') });
await service.importFiles(paths);
const { server, origin } = await serveOpenBench(service);
const browser = await launchBrowser();
for (let run = 0; run < 3; run++) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await httpBridge(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.goto(`${origin}/index.html#/library`);
  await page.locator('li:nth-child(500)').waitFor({ state: 'attached' });
  const t1 = Date.now();
  const { profile } = await cdp.send('Profiler.stop');
  if (run < 2) { await page.close(); continue; }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!; const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const byUrl = new Map<string, number>();
  for (const [k, v] of self) { const u = k.split(' ')[1]?.split(':')[0] ?? ''; byUrl.set(u, (byUrl.get(u) ?? 0) + v); }
  console.log('wall', t1 - t0);
  console.log([...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n'));
  console.log('---');
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n'));
  await page.close();
}
await browser.close();
server.close();
