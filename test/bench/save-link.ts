import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { createService } from '../../main/api/service';
import { pngBytes } from '../kits/images';
import { bridge, serveRenderer } from '../e2e/harness';
import { articlePage, startTestServer } from '../kits/web-server';
import { median, row, type Row } from './table';

/**
 * Saving a 200 KB page with 10 pictures from a server on 127.0.0.1: time until the article is stored with its
 * pictures, and the peak memory of the process that saved it; then, in Chromium with the real renderer (the
 * e2e bridge, which adds a round trip per call that Electron's IPC does not), time from pressing Enter in
 * "Save a link" to the saved article's heading and first paragraph painted.
 */

const CHILD = path.join(import.meta.dirname, 'save-link-child.ts');
const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
const PICTURES = 10;

type Sample = { ms: number; peakMB: number; baseMB: number; pictures: number };

export async function saveLinkBench(browser: Browser): Promise<Row[]> {
  const server = await startTestServer();
  try {
    const sources = Array.from({ length: PICTURES }, (_, i) => `/bench/${i}.png`);
    // About 200 KB of article text (each paragraph ~240 bytes), topped up with page chrome to 200 KB.
    let html = articlePage('مقال للقياس', 780, sources);
    const target = 200 * 1024;
    const chrome = Math.max(0, target - Buffer.byteLength(html));
    html = html.replace('</footer>', `${'<a href="/x">قسم</a>'.repeat(Math.floor(chrome / 25))}</footer>`);
    server.route('/bench/page', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
    });
    sources.forEach((src, i) => {
      // A 800 × 600 header followed by 100 KB of incompressible bytes: never decoded, only stored.
      const bytes = Buffer.concat([pngBytes(800, 600, i, true), randomBytes(100 * 1024)]);
      server.route(src, (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'image/png' });
        response.end(bytes);
      });
    });
    const run = promisify(execFile);
    const samples: Sample[] = [];
    for (let i = 0; i < 3; i += 1) {
      // Asynchronously: the server answering the child runs in this process.
      const { stdout } = await run(TSX, [CHILD, server.url('/bench/page')], { encoding: 'utf8' });
      const sample = JSON.parse(stdout) as Sample;
      if (sample.pictures !== PICTURES) throw new Error(`saved ${sample.pictures} of ${PICTURES} pictures`);
      samples.push(sample);
    }
    const painted = await timeToPainted(browser, server.url('/bench/page'));
    const kb = Math.round(Buffer.byteLength(html) / 1024);
    return [
      row(
        `save a ${kb} KB page with ${PICTURES} pictures (127.0.0.1): time to stored article`,
        median(samples.map((s) => s.ms)),
        'ms',
      ),
      row(`… in the app: Enter in "Save a link" → article painted`, median(painted), 'ms'),
      row('… peak memory of the process', median(samples.map((s) => s.peakMB)), 'MB'),
      row('… memory before the save', median(samples.map((s) => s.baseMB)), 'MB'),
    ];
  } finally {
    await server.close();
  }
}

/** Saves `url` through the library's field, three times in fresh folders; ms until the article is painted. */
async function timeToPainted(browser: Browser, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-save-'));
    const dataDir = path.join(dir, 'data');
    const service = await createService({ dataDir });
    const { server, origin } = await serveRenderer(dataDir);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ar' });
    try {
      await bridge(page, service);
      await page.goto(`${origin}/index.html#/library`);
      const field = page.getByRole('textbox', { name: 'احفظ رابطًا (Ctrl+L)' });
      await field.fill(url);
      const started = performance.now();
      await field.press('Enter');
      await page.locator('article h1', { hasText: 'مقال للقياس' }).waitFor({ timeout: 60_000 });
      await page.locator('article p').first().waitFor();
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
      );
      times.push(performance.now() - started);
    } finally {
      await page.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    }
  }
  return times;
}
