import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DurableJsonFile } from './durable-file';
import { StoreError } from './errors';

const NoteFile = z.object({ schemaVersion: z.literal(1), notes: z.array(z.string()) });
type NoteFile = z.infer<typeof NoteFile>;
const parse = (data: unknown): NoteFile => NoteFile.parse(data);

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hamish-durable-'));
  file = path.join(dir, 'library.json');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StoreError);
  const storeError = error as StoreError;
  expect(storeError.code).toBe(code);
  expect(storeError.file).toBe(file);
  expect(storeError.message).toContain(file);
  return storeError;
}

describe('DurableJsonFile', () => {
  it('reads a missing file as null, so lowdb uses its defaults', async () => {
    expect(await new DurableJsonFile(file, parse).read()).toBeNull();
  });

  it('reads back what it wrote', async () => {
    const adapter = new DurableJsonFile(file, parse);
    await adapter.write({ schemaVersion: 1, notes: ['هامش', 'note'] });
    expect(await new DurableJsonFile(file, parse).read()).toEqual({
      schemaVersion: 1,
      notes: ['هامش', 'note'],
    });
  });

  it('leaves valid JSON on disk and no temp file after each write', async () => {
    const adapter = new DurableJsonFile(file, parse);
    for (let i = 0; i < 5; i++) {
      await adapter.write({ schemaVersion: 1, notes: Array.from({ length: i }, (_, n) => `note ${n}`) });
      expect(parse(JSON.parse(await fs.readFile(file, 'utf8'))).notes).toHaveLength(i);
      expect(await fs.readdir(dir)).toEqual(['library.json']);
    }
  });

  it('runs concurrent writes in order, the last one winning', async () => {
    const adapter = new DurableJsonFile(file, parse);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => adapter.write({ schemaVersion: 1, notes: [`${i}`] })),
    );
    expect(await adapter.read()).toEqual({ schemaVersion: 1, notes: ['29'] });
    expect(await fs.readdir(dir)).toEqual(['library.json']);
  });

  it('writes what it was given at the time of the call', async () => {
    const adapter = new DurableJsonFile(file, parse);
    const data = { schemaVersion: 1 as const, notes: ['first'] };
    const writing = adapter.write(data);
    data.notes.push('changed afterwards');
    await writing;
    expect(await adapter.read()).toEqual({ schemaVersion: 1, notes: ['first'] });
  });

  it('never reads a leftover temp file of an interrupted write', async () => {
    await fs.writeFile(
      path.join(dir, '.library.json.4242.abcdef.tmp'),
      '{"schemaVersion":1,"notes":["lost"]}',
    );
    expect(await new DurableJsonFile(file, parse).read()).toBeNull();
    await fs.writeFile(file, '{"schemaVersion":1,"notes":["saved"]}');
    expect(await new DurableJsonFile(file, parse).read()).toEqual({ schemaVersion: 1, notes: ['saved'] });
  });

  it('reads a file that starts with a byte order mark', async () => {
    await fs.writeFile(file, '\uFEFF{"schemaVersion":1,"notes":[]}');
    expect(await new DurableJsonFile(file, parse).read()).toEqual({ schemaVersion: 1, notes: [] });
  });

  const corruptFiles: [string, Buffer, RegExp][] = [
    ['an empty file', Buffer.alloc(0), /empty/],
    ['4 KB of NUL bytes, as a power cut can leave', Buffer.alloc(4096), /NUL/],
    ['only blank space', Buffer.from(' \n\t\n'), /blank/],
    ['truncated JSON', Buffer.from('{"schemaVersion":1,"notes":["an unfinished'), /not valid JSON/],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /UTF-8/],
    ['valid JSON of the wrong shape', Buffer.from('{"schemaVersion":1,"notes":"oops"}'), /notes/],
    ['schemaVersion as a string', Buffer.from('{"schemaVersion":"1","notes":[]}'), /schemaVersion/],
    ['JSON null', Buffer.from('null'), /expected shape/],
  ];

  it.each(corruptFiles)('reports %s as corrupt and leaves its bytes untouched', async (_, bytes, problem) => {
    await fs.writeFile(file, bytes);
    const error = await expectStoreError(new DurableJsonFile(file, parse).read(), 'corrupt');
    expect(error.message).toMatch(problem);
    expect(await fs.readFile(file)).toEqual(bytes);
    expect(await fs.readdir(dir)).toEqual(['library.json']);
  });

  it('reports a file written by a newer version of the app', async () => {
    await fs.writeFile(file, '{"schemaVersion":2,"notes":[],"somethingNew":true}');
    const error = await expectStoreError(new DurableJsonFile(file, parse).read(), 'newer-version');
    expect(error.message).toMatch(/newer version/);
  });

  it('retries a rename that a busy file refused, as Windows antivirus causes', async () => {
    const rename = fs.rename;
    let refusals = 2;
    const spy = vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (refusals-- > 0) throw Object.assign(new Error('resource busy'), { code: 'EBUSY' });
      return rename(from, to);
    });
    await new DurableJsonFile(file, parse).write({ schemaVersion: 1, notes: ['kept'] });
    expect(spy).toHaveBeenCalledTimes(3);
    expect(await new DurableJsonFile(file, parse).read()).toEqual({ schemaVersion: 1, notes: ['kept'] });
  });

  it('reports a full disk, removes its temp file and keeps the old content', async () => {
    const adapter = new DurableJsonFile(file, parse);
    await adapter.write({ schemaVersion: 1, notes: ['old'] });
    vi.spyOn(fs, 'rename').mockRejectedValue(Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
    await expectStoreError(adapter.write({ schemaVersion: 1, notes: ['new'] }), 'disk-full');
    vi.restoreAllMocks();
    expect(await fs.readdir(dir)).toEqual(['library.json']);
    expect(await adapter.read()).toEqual({ schemaVersion: 1, notes: ['old'] });
    await adapter.write({ schemaVersion: 1, notes: ['after the failure'] });
    expect(await adapter.read()).toEqual({ schemaVersion: 1, notes: ['after the failure'] });
  });

  it('reports a write into a folder that is gone as an I/O error naming the file', async () => {
    await fs.rm(dir, { recursive: true });
    await expectStoreError(new DurableJsonFile(file, parse).write({ schemaVersion: 1, notes: [] }), 'io');
  });
});
