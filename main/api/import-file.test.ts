import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HamishError } from './errors';
import { importBytes, importFileToArticle } from './import-thread';

/** Imports run in a worker thread with a deadline; these go through the real worker and real files. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hamish-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(work: Promise<unknown>): Promise<HamishError> {
  const error = await work.then(
    () => new Error('imported'),
    (thrown: unknown) => thrown,
  );
  if (error instanceof HamishError) return error;
  throw error;
}

describe('importFileToArticle (in a worker thread)', () => {
  it('imports a Markdown file into blocks', async () => {
    const file = path.join(dir, 'essay.md');
    await writeFile(file, '# في القراءة\n\nفقرة فيها *تأكيد*.\n\n- بند أول\n- بند ثان\n');
    const imported = await importFileToArticle(file);
    expect(imported.title).toBe('في القراءة');
    expect(imported.blocks.map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'listItem',
      'listItem',
    ]);
    expect(imported.dir).toBe('rtl');
  });

  it('passes a refusal back with its code and the full path of the file', async () => {
    const file = path.join(dir, 'nested.md');
    const lines = Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- بند`);
    await writeFile(file, `# قائمة\n\n${lines.join('\n')}`);
    const error = await refusal(importFileToArticle(file));
    expect(error.code).toBe('too-deep');
    expect(error.file).toBe(file);
    expect(error.message).toContain(`${file}: `);
  }, 15_000);

  it('reads a 2 MB Markdown file of unclosed links and nested lists', async () => {
    const file = path.join(dir, 'hostile.md');
    const nested = Array.from({ length: 10 }, (_, level) => `${'  '.repeat(level)}- [a](`).join('\n');
    const unit = `${'[a]('.repeat(500)}\n\n${nested}\n\n${'['.repeat(1000)}${']'.repeat(1000)}\n\n`;
    await writeFile(file, `# ملف عدائي\n\n${unit.repeat(Math.ceil(2_000_000 / unit.length))}`);
    const imported = await importFileToArticle(file);
    expect(imported.blocks.filter((block) => block.kind === 'listItem').length).toBeGreaterThan(2_000);
  }, 30_000);
});

describe('importBytes time limit', () => {
  it('stops an import that takes longer than its limit and names the file', async () => {
    const bytes = Buffer.from(`# نص\n\n${'كلمة *عربية* [رابط](https://example.org)\n'.repeat(200_000)}`);
    const error = await refusal(importBytes(bytes, 'slow.md', { timeLimitMs: 10 }));
    expect(error.code).toBe('too-slow');
    expect(error.message).toMatch(/^slow\.md: reading it took longer than/);
  });
});
