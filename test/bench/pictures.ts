import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../main/api/service';
import { dataUri, pngBytes } from '../kits/images';
import { median, row, type Row } from './table';

/** Issue "Articles arrive whole": importing a saved page with 30 pictures (5 MB in all). */

const PICTURES = 30;
const TOTAL_BYTES = 5 * 1024 * 1024;
const PARAGRAPH =
  '<p>بدأ المزارعون جني محصول الزيتون قبل موعده المعتاد بأسبوعين، بعد صيف حار وجاف أثّر في نضج الثمار وحجم الإنتاج.</p>';

/** A picture whose header says 1200 × 800 followed by incompressible bytes: the import never decodes it. */
function picture(seed: number): Buffer {
  return Buffer.concat([pngBytes(1200, 800, seed, true), randomBytes(Math.floor(TOTAL_BYTES / PICTURES))]);
}

function page(sources: readonly string[]): string {
  const figures = sources
    .map(
      (src, i) =>
        `${PARAGRAPH}<figure><img src="${src}" alt="صورة ${i}"><figcaption>تعليق الصورة ${i}</figcaption></figure>`,
    )
    .join('\n');
  return `<html lang="ar"><head><title>صور</title></head><body><article>${figures}</article></body></html>`;
}

async function timeImport(build: (dir: string) => Promise<string>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-pictures-'));
    try {
      const file = await build(dir);
      const service = await createService({ dataDir: path.join(dir, 'data') });
      const started = performance.now();
      const [outcome] = await service.importFiles([file]);
      times.push(performance.now() - started);
      if (!outcome?.ok) throw new Error(`import failed: ${JSON.stringify(outcome)}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return median(times);
}

export async function picturesBench(): Promise<Row[]> {
  const pictures = Array.from({ length: PICTURES }, (_, i) => picture(i));
  const folder = await timeImport(async (dir) => {
    await mkdir(path.join(dir, 'page_files'));
    await Promise.all(pictures.map((bytes, i) => writeFile(path.join(dir, 'page_files', `${i}.png`), bytes)));
    const file = path.join(dir, 'page.html');
    await writeFile(file, page(pictures.map((_, i) => `page_files/${i}.png`)));
    return file;
  });
  const inline = await timeImport(async (dir) => {
    const file = path.join(dir, 'page.html');
    await writeFile(file, page(pictures.map((bytes) => dataUri(bytes))));
    return file;
  });
  return [
    row('saved page, 30 pictures (5 MB) in its _files folder: import', folder, 'ms', 1000),
    row('single-file page, 30 data: pictures (5 MB): import', inline, 'ms', 1000),
  ];
}
