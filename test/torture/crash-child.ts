import { writeSync } from 'node:fs';
import { createService } from '../../main/api/service';
import { canonicalText } from '../../shared/article-model';
import { NOTE_PREFIX } from './crash-protocol';

/**
 * The process the crash test kills: it opens the data folder through the service, as the app does, then saves
 * notes through the service as fast as it can until it is killed. It prints `ready` once open, then one line per
 * save, only after the awaited call resolved (the moment the UI would call the save done):
 *   ack put <highlightId> <version>    the highlight is saved with a note that starts with NOTE_PREFIX<version>,
 *                                      versions growing from RUN × 1,000,000
 *   ack del <highlightId>              the highlight is deleted
 * and, before a deletion starts, `try del <highlightId>`: the deletion may land although the kill comes first.
 * Usage: node crash-child.mjs DATA_DIR ARTICLE_ID ARTICLE_FILE RUN
 */

const [dataDir = '', articleId = '', articleFile = '', run = '0'] = process.argv.slice(2);
let version = Number(run) * 1_000_000;

// Long notes (up to ~5 KB) fill the journal quickly, so that it is folded into the snapshot often, and kills
// also land during the folding.
function note(): { text: string; version: number } {
  version++;
  return { text: `${NOTE_PREFIX}${version} ${'هامش '.repeat(Math.floor(Math.random() * 600))}`, version };
}

function pick<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}

/**
 * Writes a line to stdout at once: process.stdout buffers writes to a pipe, and a SIGKILL loses what it holds.
 * The pipe is non-blocking, so a full one (the test busy elsewhere) is waited out.
 */
function print(line: string): void {
  const bytes = Buffer.from(line + '\n');
  for (let written = 0; written < bytes.length;) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); // 1 ms
    }
  }
}

const service = await createService({ dataDir });
const opened = await service.openArticle({ id: articleId });
const text = canonicalText(opened.blocks);
const ids = opened.highlights.map((highlight) => highlight.id);
print('ready');

async function create(): Promise<void> {
  const start = Math.floor(Math.random() * (text.length - 80));
  const { text: written, version: saving } = note();
  const saved = await service.createHighlight({
    articleId,
    start,
    end: start + 10 + Math.floor(Math.random() * 60),
    color: 'yellow',
    note: written,
  });
  ids.push(saved.id);
  print(`ack put ${saved.id} ${saving}`);
}

async function update(id: string): Promise<void> {
  const { text: written, version: saving } = note();
  await service.updateHighlight({ articleId, id, note: written });
  print(`ack put ${id} ${saving}`);
}

async function remove(id: string): Promise<void> {
  ids.splice(ids.indexOf(id), 1);
  print(`try del ${id}`);
  await service.deleteHighlight({ articleId, id });
  print(`ack del ${id}`);
}

for (;;) {
  const roll = Math.random();
  if (roll < 0.01) {
    // A full rewrite (the article re-imported, every highlight re-anchored), alone: it folds the journal first.
    await service.updateArticleFrom(articleId, articleFile);
    continue;
  }
  // One to three saves at once, each on its own highlight, as a user typing in several notes would cause.
  const chosen = new Set<string>();
  for (let i = Math.floor(Math.random() * 3); i >= 0; i--) {
    const id = pick(ids);
    if (id !== undefined) chosen.add(id);
  }
  const saves = [...chosen].map((id) => {
    const kind = Math.random();
    return kind < 0.05 ? remove(id) : update(id);
  });
  if (roll < 0.3 || ids.length === 0) saves.push(create());
  await Promise.all(saves);
}
