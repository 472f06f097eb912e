import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index';
import { JOURNAL_FROM } from './journal';
import { arabicArticle, articleMeta, highlight, makeTempDir } from '../../test/kits/store-fixtures';

// A damaged file met by a write is not replaced by an empty one: what can be recovered is, and the report says
// what was recovered from where.

let dataDir: string;
const libraryFile = () => path.join(dataDir, 'library.json');
const snapshotFile = () => path.join(dataDir, 'annotations', 'a.json');
const journalFile = () => path.join(dataDir, 'annotations', 'a.journal');

beforeEach(async () => {
  dataDir = await makeTempDir();
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function addArticle(store: Store, id: string, tags: string[]): Promise<void> {
  await store.writeArticle(arabicArticle(id, `عنوان ${id}`));
  await store.updateAnnotations(id, (file) => void file.highlights.push(highlight(id, `h-${id}`)));
  await store.updateLibrary(
    (library) => void library.articles.push({ ...articleMeta(id), title: `عنوان ${id}`, tags }),
  );
}

describe('a damaged library.json', () => {
  it('is rebuilt from the article files, with tags from the newest backup where it knows them', async () => {
    const store = await openStore(dataDir);
    await addArticle(store, 'a', ['أدب']);
    await addArticle(store, 'b', ['تاريخ']);
    const backup = await store.createBackup('daily');
    await addArticle(store, 'c', ['جديد']);
    await fs.truncate(libraryFile(), 100);

    const reopened = await openStore(dataDir);
    expect(reopened.library().articles.map(({ id, title, tags }) => ({ id, title, tags }))).toEqual([
      { id: 'a', title: 'عنوان a', tags: ['أدب'] },
      { id: 'b', title: 'عنوان b', tags: ['تاريخ'] },
      { id: 'c', title: 'عنوان c', tags: [] },
    ]);
    const [recovery] = reopened.recoveries();
    expect(recovery?.recovered).toMatch(/Rebuilt the list of 3 article\(s\) from the article files/);
    expect(recovery?.recovered).toContain(`Those of 2 came from the newest verified backup, ${backup.name}.`);
    expect(recovery?.recovered).toMatch(/1 had none known/);
    expect(await fs.readFile(recovery?.movedTo ?? '')).toHaveLength(100);
    // Written at once, highlights still attached.
    const again = await openStore(dataDir);
    expect(again.recoveries()).toEqual([]);
    expect(again.library().articles).toHaveLength(3);
    expect((await again.annotations('c')).highlights.map((h) => h.id)).toEqual(['h-c']);
  });

  it('keeps what the readable part of the damaged copy still says about each article', async () => {
    const store = await openStore(dataDir);
    await addArticle(store, 'a', ['أدب']);
    await addArticle(store, 'b', ['تاريخ']);
    const library = JSON.parse(await fs.readFile(libraryFile(), 'utf8')) as { articles: object[] };
    await fs.writeFile(
      libraryFile(),
      JSON.stringify({ schemaVersion: 1, articles: [library.articles[1], 7] }),
    );

    const reopened = await openStore(dataDir);
    expect(reopened.library().articles.map(({ id, tags }) => ({ id, tags }))).toEqual([
      { id: 'b', tags: ['تاريخ'] },
      { id: 'a', tags: [] },
    ]);
    expect(reopened.recoveries()[0]?.recovered).toMatch(
      /of 1 came from the readable part of the damaged copy/,
    );
  });
});

/** Article `a` with JOURNAL_FROM highlights, so that its changes go to the journal. */
async function largeArticle(): Promise<Store> {
  const store = await openStore(dataDir);
  await store.writeArticle(arabicArticle('a'));
  await store.updateLibrary((library) => void library.articles.push(articleMeta('a')));
  await store.updateAnnotations('a', (file) => {
    for (let i = 0; i < JOURNAL_FROM; i++) file.highlights.push(highlight('a', `h${i}`));
  });
  return store;
}

describe('a damaged annotations file', () => {
  it('comes back from the newest verified backup with its journal replayed over it', async () => {
    const store = await largeArticle();
    const backup = await store.createBackup('daily');
    await store.putHighlight('a', highlight('a', 'late', 'بعد النسخة'));
    await fs.writeFile(snapshotFile(), Buffer.alloc(1024));

    const reopened = await openStore(dataDir);
    const ids = (await reopened.annotations('a')).highlights.map((h) => h.id);
    expect(ids).toHaveLength(JOURNAL_FROM + 1);
    expect(ids).toContain('late');
    expect(reopened.recoveries()[0]?.recovered).toMatch(
      new RegExp(
        `Recovered ${JOURNAL_FROM} highlight\\(s\\) from the newest verified backup, ${backup.name}`,
      ),
    );
    expect((await (await openStore(dataDir)).annotations('a')).highlights).toHaveLength(JOURNAL_FROM + 1);
  });
});

describe('a damaged journal', () => {
  it('keeps every change still readable in it, also those after a damaged line', async () => {
    const store = await largeArticle();
    for (const id of ['n1', 'n2', 'n3', 'n4']) await store.putHighlight('a', highlight('a', id));
    const lines = (await fs.readFile(journalFile(), 'utf8')).split('\n');
    lines[2] = lines[2]?.slice(0, 30) ?? '';
    await fs.writeFile(journalFile(), lines.join('\n'));

    const reopened = await openStore(dataDir);
    const ids = (await reopened.annotations('a')).highlights.map((h) => h.id);
    expect(ids.filter((id) => id.startsWith('n'))).toEqual(['n1', 'n3', 'n4']);
    expect(reopened.recoveries()[0]?.recovered).toMatch(
      /Recovered 3 change\(s\).*Line\(s\) 3 could not be read/,
    );
    const again = await openStore(dataDir);
    expect((await again.annotations('a')).highlights).toHaveLength(JOURNAL_FROM + 3);
    expect(again.recoveries()).toEqual([]);
  });

  it.each([
    ['NUL-filled', Buffer.alloc(4096)],
    ['empty', Buffer.alloc(0)],
    ['null', Buffer.from('null\n')],
  ])('that is %s is kept aside byte for byte and reported, not overwritten', async (_, bytes) => {
    await largeArticle();
    await fs.writeFile(journalFile(), bytes);
    const store = await openStore(dataDir);
    await store.putHighlight('a', highlight('a', 'after'));
    expect(store.recoveries()).toEqual([
      expect.objectContaining({
        file: snapshotFile(),
        reason: expect.stringMatching(/a\.journal is damaged/),
      }),
    ]);
    expect(await fs.readFile(store.recoveries()[0]?.movedTo ?? '')).toEqual(bytes);
    expect((await (await openStore(dataDir)).annotations('a')).highlights).toHaveLength(JOURNAL_FROM + 1);
  });

  it('that is a symbolic link is kept aside as a link and never written through', async () => {
    await largeArticle();
    const outside = path.join(dataDir, '..', `${path.basename(dataDir)}-outside.txt`);
    await fs.writeFile(outside, 'a file outside the data folder');
    await fs.symlink(outside, journalFile());
    const store = await openStore(dataDir);
    try {
      for (let i = 0; i < 3; i++) await store.putHighlight('a', highlight('a', `x${i}`));
      expect(await fs.readFile(outside, 'utf8')).toBe('a file outside the data folder');
      const [recovery] = store.recoveries();
      expect(recovery?.reason).toMatch(/symbolic link/);
      expect((await fs.lstat(recovery?.movedTo ?? '')).isSymbolicLink()).toBe(true);
      expect((await fs.lstat(journalFile())).isSymbolicLink()).toBe(false);
      expect((await (await openStore(dataDir)).annotations('a')).highlights).toHaveLength(JOURNAL_FROM + 3);
    } finally {
      await fs.rm(outside, { force: true });
    }
  });
});
