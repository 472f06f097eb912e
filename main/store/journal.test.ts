import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, readJournal, readJournalOfAnyVersion, replay, type JournalOp } from './journal';
import { SCHEMA_VERSION } from './schema';
import { highlight, makeTempDir, rejection } from '../../test/kits/store-fixtures';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await makeTempDir();
  file = path.join(dir, 'a.journal');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const header = (articleId = 'a', schemaVersion = SCHEMA_VERSION) =>
  JSON.stringify({ op: 'journal', schemaVersion, articleId }) + '\n';
const put = (id: string, note = '') =>
  JSON.stringify({ op: 'put', highlight: highlight('a', id, note) }) + '\n';
const del = (id: string) => JSON.stringify({ op: 'del', id }) + '\n';
const ids = (ops: readonly JournalOp[]) =>
  ops.map((op) => (op.op === 'put' ? `+${op.highlight.id}` : `-${op.id}`));

describe('a journal file', () => {
  it('gets a header naming its article and version, then one line per change, each fsynced', async () => {
    const journal = new Journal(file, 'a', null);
    await journal.append({ op: 'put', highlight: highlight('a', 'h1', 'ملاحظة أولى') });
    await journal.append({ op: 'del', id: 'h1' });
    expect(await fs.readFile(file, 'utf8')).toBe(header() + put('h1', 'ملاحظة أولى') + del('h1'));
    const content = await readJournal(file, 'a');
    expect(content && ids(content.ops)).toEqual(['+h1', '-h1']);
    expect(content?.tornBytes).toBe(0);
    expect(journal.ops).toBe(2);
  });

  it('reads as nothing when there is none', async () => {
    expect(await readJournal(file, 'a')).toBeNull();
  });

  const line = Buffer.from(put('h2', 'هامش'));
  const insideALetter = line.subarray(0, line.indexOf(Buffer.from('هامش')) + 1);
  const torn: [string, string | Buffer][] = [
    ['a last line without its newline', header() + put('h1') + put('h2').slice(0, 40)],
    ['a last line of NUL bytes, as a power cut can leave it', header() + put('h1') + '\0'.repeat(300)],
    ['a whole last line that does not parse', header() + put('h1') + '{"op":"put","highl\n'],
    [
      'a last line cut inside an Arabic letter',
      Buffer.concat([Buffer.from(header() + put('h1')), insideALetter]),
    ],
  ];
  it.each(torn)('leaves out %s: that write was never acknowledged', async (_, text) => {
    await fs.writeFile(file, text);
    const content = await readJournal(file, 'a');
    expect(content && ids(content.ops)).toEqual(['+h1']);
    expect(content?.intactBytes).toBe(Buffer.byteLength(header() + put('h1')));
    expect(content?.tornBytes).toBeGreaterThan(0);
  });

  it('cuts a torn last line off before appending the next one', async () => {
    await fs.writeFile(file, header() + put('h1') + put('h2').slice(0, 40));
    const journal = new Journal(file, 'a', await readJournal(file, 'a'));
    await journal.append({ op: 'put', highlight: highlight('a', 'h3') });
    expect(await fs.readFile(file, 'utf8')).toBe(header() + put('h1') + put('h3'));
  });

  it('is never seen without its header: the first change comes with it, whole, also over a link', async () => {
    const outside = path.join(dir, 'outside.txt');
    await fs.writeFile(outside, 'not the journal');
    await fs.symlink(outside, file);
    const journal = new Journal(file, 'a', null);
    await journal.append({ op: 'del', id: 'h1' });
    expect(await fs.readFile(file, 'utf8')).toBe(header() + del('h1'));
    expect((await fs.lstat(file)).isSymbolicLink()).toBe(false);
    expect(await fs.readFile(outside, 'utf8')).toBe('not the journal');
  });

  it('never appends through a symbolic link put in its place', async () => {
    const journal = new Journal(file, 'a', null);
    await journal.append({ op: 'del', id: 'h1' });
    const outside = path.join(dir, 'outside.txt');
    await fs.writeFile(outside, 'not the journal');
    await fs.rm(file);
    await fs.symlink(outside, file);
    const error = await rejection(journal.append({ op: 'del', id: 'h2' }));
    expect(error.code).toBe('corrupt');
    expect(await fs.readFile(outside, 'utf8')).toBe('not the journal');
  });

  it('that is a symbolic link is damage, never read through', async () => {
    const outside = path.join(dir, 'outside.journal');
    await fs.writeFile(outside, header() + put('h1'));
    await fs.symlink(outside, file);
    const error = await rejection(readJournal(file, 'a'));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/symbolic link/);
  });

  const damaged: [string, string, RegExp][] = [
    ['a bad line followed by a good one', header() + put('h1') + 'garbage\n' + put('h2'), /line 3/],
    [
      'a highlight of another article',
      header() + put('h1') + put('h2').replace(/"a"/g, '"b"') + put('h3'),
      /line 3/,
    ],
    ['no header before its changes', put('h1') + put('h2'), /header/],
    ['the header of another article', header('b') + put('h1'), /article b/],
    ['nothing at all (0 bytes)', '', /empty/],
    ['only NUL bytes', '\0'.repeat(4096), /only NUL bytes/],
    ['null in place of its header', 'null\n', /header/],
    ['a header cut short', header().slice(0, 20), /header/],
  ];
  it.each(damaged)('is damaged when it has %s', async (_, text, why) => {
    await fs.writeFile(file, text);
    const error = await rejection(readJournal(file, 'a'));
    expect(error.code).toBe('corrupt');
    expect(error.file).toBe(file);
    expect(error.message).toMatch(why);
  });

  it('from a newer version is reported as such, before its lines are looked at', async () => {
    await fs.writeFile(file, header('a', SCHEMA_VERSION + 1) + '{"op":"patch","path":"note"}\n');
    expect((await rejection(readJournal(file, 'a'))).code).toBe('newer-version');
    expect((await rejection(readJournalOfAnyVersion(file, 'a'))).code).toBe('newer-version');
  });

  it('from an older version is read only by a migration, by highlight id alone', async () => {
    await fs.writeFile(
      file,
      header('a', 0) + JSON.stringify({ op: 'put', highlight: { id: 'h1', quote: 'x' } }) + '\n',
    );
    expect((await rejection(readJournal(file, 'a'))).code).toBe('corrupt');
    const content = await readJournalOfAnyVersion(file, 'a');
    expect(content?.schemaVersion).toBe(0);
    expect(content?.ops).toEqual([{ op: 'put', highlight: { id: 'h1', quote: 'x' } }]);
  });

  it('is deleted durably, and a new one then starts with a header again', async () => {
    const journal = new Journal(file, 'a', null);
    await journal.append({ op: 'del', id: 'h1' });
    await journal.remove();
    await journal.remove(); // a missing file is fine
    expect(journal.exists).toBe(false);
    await journal.append({ op: 'del', id: 'h2' });
    expect(await fs.readFile(file, 'utf8')).toBe(header() + del('h2'));
  });
});

describe('replaying changes', () => {
  const h = (id: string, note = '') => highlight('a', id, note);

  it('replaces a highlight where it stands, adds new ones at the end, and removes deleted ones', () => {
    const result = replay(
      [h('h1'), h('h2'), h('h3')],
      [
        { op: 'put', highlight: h('h2', 'معدلة') },
        { op: 'put', highlight: h('h4') },
        { op: 'del', id: 'h1' },
        { op: 'del', id: 'missing' },
      ],
    );
    expect(result.map((x) => [x.id, x.note])).toEqual([
      ['h2', 'معدلة'],
      ['h3', ''],
      ['h4', ''],
    ]);
  });

  it('changes nothing when replayed over a snapshot that already holds the changes', () => {
    const ops: JournalOp[] = [
      { op: 'put', highlight: h('h4') },
      { op: 'put', highlight: h('h2', 'أولى') },
      { op: 'del', id: 'h3' },
      { op: 'put', highlight: h('h2', 'ثانية') },
    ];
    const once = replay([h('h1'), h('h2'), h('h3')], ops);
    expect(replay(once, ops)).toEqual(once);
  });

  it('shares the highlights it does not change, copying none', () => {
    const before = [h('h1'), h('h2')];
    const after = replay(before, [{ op: 'put', highlight: h('h2', 'جديدة') }]);
    expect(after[0]).toBe(before[0]);
    expect(before[1]?.note).toBe('');
  });
});
