import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../shared/annotation-model';
import { checkDataDir, openStore, type Store } from './index';
import { COMPACT_AFTER, JOURNAL_FROM } from './journal';
import { SCHEMA_VERSION, type AnnotationsFile } from './schema';
import {
  arabicArticle,
  articleMeta,
  clockAt,
  highlight,
  makeTempDir,
  rejection,
} from '../../test/kits/store-fixtures';

// The annotations journal as the store uses it: one line per saved highlight in a large article, replayed on
// reading, folded into the snapshot when long and before every backup or restore, and damage handled as for
// any store file.

const NOW = '2024-05-01T10:00:00.000Z';
const STAMP = '2024-05-01T10-00-00-000Z';

let dataDir: string;
let store: Store;
const snapshotFile = () => path.join(dataDir, 'annotations', 'a.json');
const journalFile = () => path.join(dataDir, 'annotations', 'a.journal');

beforeEach(async () => {
  dataDir = await makeTempDir();
  store = await largeArticle();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** A store whose article `a` has JOURNAL_FROM highlights h0…, so that its changes go to the journal. */
async function largeArticle(): Promise<Store> {
  const opened = await openStore(dataDir, { now: clockAt(NOW) });
  await opened.writeArticle(arabicArticle('a'));
  await opened.updateLibrary((library) => void library.articles.push(articleMeta('a')));
  await opened.updateAnnotations('a', (file) => {
    for (let i = 0; i < JOURNAL_FROM; i++) file.highlights.push(highlight('a', `h${i}`, `ملاحظة ${i}`));
  });
  return opened;
}

const noted = (id: string, note: string): Highlight => highlight('a', id, note);

async function journalLines(): Promise<string[]> {
  return (await fs.readFile(journalFile(), 'utf8')).split('\n').filter(Boolean);
}

async function snapshotOnDisk(): Promise<AnnotationsFile> {
  return JSON.parse(await fs.readFile(snapshotFile(), 'utf8')) as AnnotationsFile;
}

const byId = (file: AnnotationsFile) => new Map(file.highlights.map((h) => [h.id, h]));

describe('saving one highlight of a large article', () => {
  it('appends one line to its journal and leaves the snapshot as it was', async () => {
    const before = await fs.readFile(snapshotFile(), 'utf8');
    await store.putHighlight('a', noted('new', 'ملاحظة جديدة'));
    await store.changeHighlight('a', 'h3', (h) => ({ ...h, color: 'blue' }));
    expect(await store.deleteHighlight('a', 'h4')).toMatchObject({ id: 'h4' });
    expect(await store.deleteHighlight('a', 'h4')).toBeNull(); // nothing written for what is not there

    expect(await fs.readFile(snapshotFile(), 'utf8')).toBe(before);
    expect((await journalLines()).map((line) => (JSON.parse(line) as { op: string }).op)).toEqual([
      'journal',
      'put',
      'put',
      'del',
    ]);
    const reopened = await openStore(dataDir);
    expect(await reopened.annotations('a')).toEqual(await store.annotations('a'));
    const read = byId(await reopened.annotations('a'));
    expect(read.get('new')?.note).toBe('ملاحظة جديدة');
    expect(read.get('h3')?.color).toBe('blue');
    expect(read.has('h4')).toBe(false);
  });

  it('rewrites the snapshot of a small article instead, keeping it one plain file', async () => {
    await store.putHighlight('small', highlight('small', 'h1', 'ملاحظة'));
    expect(existsSync(path.join(dataDir, 'annotations', 'small.journal'))).toBe(false);
    expect((await openStore(dataDir).then((s) => s.annotations('small'))).highlights).toHaveLength(1);
  });

  it('hands out frozen data, changed only by the new highlight', async () => {
    const before = await store.annotations('a');
    await store.putHighlight('a', noted('h1', 'معدلة'));
    const after = await store.annotations('a');
    expect(after.highlights[0]).toBe(before.highlights[0]);
    expect(after.highlights[1]?.note).toBe('معدلة');
    expect(Object.isFrozen(after.highlights[1]?.target)).toBe(true);
    expect(() => after.highlights.push(noted('x', ''))).toThrow(TypeError);
  });

  it('lands every one of many changes asked for at once on the same highlight', async () => {
    const tags = Array.from({ length: 30 }, (_, i) => `وسم-${i}`);
    await Promise.all(
      tags.map((tag) => store.changeHighlight('a', 'h1', (h) => ({ ...h, tags: [...h.tags, tag] }))),
    );
    expect(byId(await store.annotations('a')).get('h1')?.tags).toEqual(tags);
    expect(byId(await (await openStore(dataDir)).annotations('a')).get('h1')?.tags).toEqual(tags);
  });

  it('refuses a highlight that could not be read back, or of another article, writing nothing', async () => {
    await expect(store.putHighlight('a', { ...noted('x', ''), color: 'plaid' } as never)).rejects.toThrow(
      /Refusing to write/,
    );
    await expect(store.putHighlight('a', highlight('b', 'x'))).rejects.toThrow(/Refusing to write/);
    expect((await rejection(store.changeHighlight('a', 'nowhere', (h) => h))).code).toBe('not-found');
    expect(existsSync(journalFile())).toBe(false);
  });

  it('keeps the data in memory as on disk when the append fails, and the retry succeeds', async () => {
    const before = await store.annotations('a');
    vi.spyOn(fs, 'open').mockRejectedValueOnce(Object.assign(new Error('denied'), { code: 'EACCES' }));
    const error = await rejection(store.putHighlight('a', noted('h1', 'لن تحفظ')));
    expect(error.code).toBe('unwritable');
    expect(error.file).toBe(journalFile());
    expect(await store.annotations('a')).toBe(before);

    await store.putHighlight('a', noted('h1', 'حفظت'));
    expect(byId(await (await openStore(dataDir)).annotations('a')).get('h1')?.note).toBe('حفظت');
  });

  it('forgets a line whose fsync failed: it is cut off before the next append', async () => {
    await store.putHighlight('a', noted('h1', 'أولى'));
    const probe = await fs.open(journalFile(), 'r');
    const handlePrototype = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    vi.spyOn(handlePrototype, 'sync').mockRejectedValueOnce(Object.assign(new Error('i/o'), { code: 'EIO' }));
    expect((await rejection(store.putHighlight('a', noted('h2', 'فشلت')))).code).toBe('io');
    expect(byId(await store.annotations('a')).get('h2')?.note).toBe('ملاحظة 2');

    await store.putHighlight('a', noted('h3', 'ثالثة'));
    const reopened = byId(await (await openStore(dataDir)).annotations('a'));
    expect([reopened.get('h1')?.note, reopened.get('h2')?.note, reopened.get('h3')?.note]).toEqual([
      'أولى',
      'ملاحظة 2',
      'ثالثة',
    ]);
    expect(await journalLines()).toHaveLength(3);
  });
});

describe('a journal after a crash', () => {
  it('ignores a torn last line, and cuts it off at the next save', async () => {
    await store.putHighlight('a', noted('h1', 'محفوظة'));
    const line = JSON.stringify({ op: 'put', highlight: noted('h2', 'لم تكتمل') });
    await fs.appendFile(journalFile(), line.slice(0, 50));
    const reopened = await openStore(dataDir);
    const read = byId(await reopened.annotations('a'));
    expect([read.get('h1')?.note, read.get('h2')?.note]).toEqual(['محفوظة', 'ملاحظة 2']);
    // Said, not kept: that change was never acknowledged. It is cut off at once, so it is said once.
    expect(reopened.recoveries()).toEqual([
      {
        file: snapshotFile(),
        movedTo: null,
        reason: expect.stringMatching(/a\.journal ended with a change cut short \(50 bytes\)/),
        recovered: expect.stringMatching(/left out; the 1 change\(s\) before it are kept/),
        newestBackup: null,
      },
    ]);
    expect(await journalLines()).toHaveLength(2);
    expect((await openStore(dataDir).then(async (s) => (await s.annotations('a'), s))).recoveries()).toEqual(
      [],
    );
    expect(await checkDataDir(dataDir)).toEqual([]);

    await reopened.putHighlight('a', noted('h3', 'بعدها'));
    expect(await journalLines()).toHaveLength(3);
    expect(byId(await (await openStore(dataDir)).annotations('a')).get('h3')?.note).toBe('بعدها');
  });

  it('replays to the same highlights when the crash came between rewriting the snapshot and deleting it', async () => {
    await store.putHighlight('a', noted('new', 'جديدة'));
    await store.changeHighlight('a', 'h1', (h) => ({ ...h, note: 'أولى' }));
    await store.deleteHighlight('a', 'h2');
    await store.changeHighlight('a', 'h1', (h) => ({ ...h, note: 'ثانية' }));
    const journal = await fs.readFile(journalFile());
    await store.createBackup('daily'); // folds the journal in
    expect(existsSync(journalFile())).toBe(false);
    await fs.writeFile(journalFile(), journal); // as if the crash had come before its deletion

    const reopened = await openStore(dataDir);
    expect(await reopened.annotations('a')).toEqual(await store.annotations('a'));
    await reopened.putHighlight('a', noted('h5', 'بعد الانهيار'));
    await reopened.createBackup('daily');
    const folded = byId(await snapshotOnDisk());
    expect([folded.get('h1')?.note, folded.has('h2'), folded.get('new')?.note]).toEqual([
      'ثانية',
      false,
      'جديدة',
    ]);
    expect(folded.get('h5')?.note).toBe('بعد الانهيار');
  });
});

describe('a damaged journal', () => {
  async function damage(): Promise<string> {
    await store.putHighlight('a', noted('h1', 'قبل الضرر'));
    const lines = await journalLines();
    const text = [lines[0], 'not a change', lines[1], ''].join('\n');
    await fs.writeFile(journalFile(), text);
    return text;
  }

  it('is moved aside and reported; the snapshot keeps what it has and the rest keeps working', async () => {
    const text = await damage();
    const backup = await store.createBackup('daily');
    await fs.writeFile(journalFile(), text); // the backup folded the journal in: damage it again
    const reopened = await openStore(dataDir, { now: clockAt(NOW) });
    expect(byId(await reopened.annotations('a')).get('h1')?.note).toBe('قبل الضرر');
    const movedTo = path.join(dataDir, 'annotations', `a.journal.corrupt-${STAMP}`);
    // Reported as damage to the annotations file, whose backup restores the journaled note.
    expect(reopened.recoveries()).toEqual([
      {
        file: snapshotFile(),
        movedTo,
        reason: expect.stringMatching(/a\.journal.*line 2/),
        recovered: expect.stringMatching(/Recovered 1 change\(s\).*Line\(s\) 2 could not be read/),
        newestBackup: backup.name,
      },
    ]);
    expect(await fs.readFile(movedTo, 'utf8')).toBe(text);
    await reopened.putHighlight('a', noted('h2', 'بعد الضرر'));
    expect(byId(await (await openStore(dataDir)).annotations('a')).get('h2')?.note).toBe('بعد الضرر');
    await reopened.restoreBackup(backup.name, { only: ['annotations/a.json'] });
    expect(byId(await reopened.annotations('a')).get('h1')?.note).toBe('قبل الضرر');
  });

  it('is reported by check, and a read-only store refuses it without moving it', async () => {
    const text = await damage();
    expect(await checkDataDir(dataDir)).toEqual([
      { file: journalFile(), code: 'corrupt', message: expect.stringMatching(/line 2/) },
    ]);
    const readOnly = await openStore(dataDir, { readOnly: true });
    expect((await rejection(readOnly.annotations('a'))).code).toBe('corrupt');
    expect(await fs.readFile(journalFile(), 'utf8')).toBe(text);
  });

  it('from a newer version makes the store read-only and is left as it is', async () => {
    const text = `${JSON.stringify({ op: 'journal', schemaVersion: SCHEMA_VERSION + 1, articleId: 'a' })}\n{"op":"patch"}\n`;
    await fs.writeFile(journalFile(), text);
    const reopened = await openStore(dataDir);
    await reopened.annotations('a');
    expect(reopened.readOnlyReason()).toMatch(/newer version/);
    expect((await rejection(reopened.putHighlight('a', noted('h1', '')))).code).toBe('newer-version');
    expect(await fs.readFile(journalFile(), 'utf8')).toBe(text);
    expect((await checkDataDir(dataDir)).map((problem) => problem.code)).toEqual(['newer-version']);
  });
});

describe('folding the journal into the snapshot', () => {
  it(`happens after ${COMPACT_AFTER.ops} changes, without making that save wait for it`, async () => {
    for (let i = 1; i < COMPACT_AFTER.ops; i++) await store.putHighlight('a', noted('h1', `نسخة ${i}`));
    expect(await journalLines()).toHaveLength(COMPACT_AFTER.ops); // the header and the changes
    await store.putHighlight('a', noted('h1', 'الأخيرة'));
    expect(existsSync(journalFile())).toBe(true); // the save resolved before the folding ran

    await store.putHighlight('a', noted('h2', 'التالية')); // waits for the folding, then starts a journal
    expect(await journalLines()).toHaveLength(2);
    expect(byId(await snapshotOnDisk()).get('h1')?.note).toBe('الأخيرة');
    expect(byId(await (await openStore(dataDir)).annotations('a')).get('h2')?.note).toBe('التالية');
  });

  it(`happens when the journal passes ${COMPACT_AFTER.bytes / 1024} KB`, async () => {
    const long = 'هامش '.repeat(COMPACT_AFTER.bytes / 8); // 9 bytes each in UTF-8
    await store.putHighlight('a', noted('h1', long));
    await store.putHighlight('a', noted('h2', 'قصيرة'));
    expect(await journalLines()).toHaveLength(2);
    expect(byId(await snapshotOnDisk()).get('h1')?.note).toBe(long);
  });

  it('happens before a full rewrite, which then leaves no journal behind', async () => {
    await store.putHighlight('a', noted('h1', 'في الدفتر'));
    await store.updateAnnotations('a', (file) => void file.highlights.push(noted('extra', '')));
    expect(existsSync(journalFile())).toBe(false);
    const onDisk = byId(await snapshotOnDisk());
    expect([onDisk.get('h1')?.note, onDisk.has('extra')]).toEqual(['في الدفتر', true]);
  });

  it('puts journaled notes in a backup, and a restore leaves no journal to replay over it', async () => {
    await store.putHighlight('a', noted('h1', 'قبل النسخة'));
    const backup = await store.createBackup('daily');
    const copy = JSON.parse(
      await fs.readFile(path.join(dataDir, 'backups', backup.name, 'annotations', 'a.json'), 'utf8'),
    ) as AnnotationsFile;
    expect(byId(copy).get('h1')?.note).toBe('قبل النسخة');

    await store.putHighlight('a', noted('h1', 'بعد النسخة'));
    await store.restoreBackup(backup.name, { only: ['annotations/a.json'] });
    expect(existsSync(journalFile())).toBe(false);
    expect(byId(await store.annotations('a')).get('h1')?.note).toBe('قبل النسخة');
    expect(byId(await (await openStore(dataDir)).annotations('a')).get('h1')?.note).toBe('قبل النسخة');
  });

  it('is done for a journal left by an earlier session, before the daily backup', async () => {
    await store.putHighlight('a', noted('h1', 'من جلسة سابقة'));
    const later = await openStore(dataDir, { now: clockAt('2024-05-02T10:00:00.000Z') });
    const daily = await later.ensureDailyBackup();
    const copy = path.join(dataDir, 'backups', daily?.name ?? '', 'annotations', 'a.json');
    expect(byId(JSON.parse(await fs.readFile(copy, 'utf8')) as AnnotationsFile).get('h1')?.note).toBe(
      'من جلسة سابقة',
    );
    expect(existsSync(journalFile())).toBe(false);
  });

  it('is done by a migration at open, before its backup', async () => {
    await store.putHighlight('a', noted('h1', 'قبل الترحيل'));
    // library.json as the unversioned prototype wrote it: opening the store migrates the folder.
    const { deletedAt, ...entry } = articleMeta('a');
    void deletedAt;
    await fs.writeFile(path.join(dataDir, 'library.json'), JSON.stringify({ articles: [entry] }));
    const migrated = await openStore(dataDir);
    const report = migrated.migration();
    expect(report?.from).toBe(0);
    expect(existsSync(journalFile())).toBe(false);
    const copy = path.join(dataDir, 'backups', report?.backup ?? '', 'annotations', 'a.json');
    expect(byId(JSON.parse(await fs.readFile(copy, 'utf8')) as AnnotationsFile).get('h1')?.note).toBe(
      'قبل الترحيل',
    );
    expect(byId(await migrated.annotations('a')).get('h1')?.note).toBe('قبل الترحيل');
  });

  it('removes the journal with the article’s files', async () => {
    await store.putHighlight('a', noted('h1', 'ستحذف'));
    await store.removeArticleFiles('a');
    expect(await fs.readdir(path.join(dataDir, 'annotations'))).toEqual([]);
    expect((await store.annotations('a')).highlights).toEqual([]);
  });
});
