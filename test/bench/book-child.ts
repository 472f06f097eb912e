import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../main/api/service';
import { generateBook } from './book-generate';

/**
 * Run in its own process by book.ts, so that its peak memory (maxRSS) is the import's alone:
 * `tsx test/bench/book-child.ts WORDS CHAPTERS` writes a generated Arabic book to a temp folder, imports it
 * through the service (read, unzip, parse, store) and prints the figures as JSON.
 */
const [words = '300000', chapterCount = '60'] = process.argv.slice(2);
const { book, chapterMB } = generateBook(Number(words), Number(chapterCount));

const dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-bench-book-'));
const file = path.join(dir, 'long.epub');
await writeFile(file, book);
const service = await createService({ dataDir: path.join(dir, 'data') });
const baseMB = process.resourceUsage().maxRSS / 1024;
const start = performance.now();
const [outcome] = await service.importFiles([file]);
const ms = performance.now() - start;
const peakMB = process.resourceUsage().maxRSS / 1024;
if (!outcome?.ok) throw new Error(`import failed: ${JSON.stringify(outcome)}`);
const view = await service.openArticle({ id: outcome.id });
await rm(dir, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    ms,
    peakMB,
    baseMB,
    fileMB: book.length / 1024 / 1024,
    chapterMB,
    blocks: view.blocks.length,
    words: view.blocks.reduce((sum, block) => sum + block.text.split(/\s+/).length, 0),
    toc: view.toc?.length ?? 0,
    pictures: view.blocks.filter((block) => block.image).length,
  }),
);
