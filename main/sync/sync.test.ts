import { rm, writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../api/dispatch';
import {
  articleTitled,
  highlight,
  importText,
  newComputer,
  removeComputers,
  snapshot,
  type Computer,
  HOUSE,
  sharedHighlight,
} from '../../test/kits/sync-kit';
import { startCouchServer, type CouchServer } from '../../test/kits/couch-server';

// Each test syncs real folders through a real server several times; the first also loads PouchDB and LevelDB.
vi.setConfig({ testTimeout: 30_000 });

const CITY = 'المدينة\n\nفي المدينة أسواق كثيرة، وأشهرها سوق العطارين قرب الجامع الكبير.';

let server: CouchServer;
let database = 0;
let url: string;

beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  await removeComputers();
});

/** Computers set up to sync with a new database of the server. */
async function computers<N extends string[]>(...names: N): Promise<{ [K in keyof N]: Computer }> {
  url = server.url(`library-${(database += 1)}`);
  const made: Computer[] = [];
  for (const name of names) {
    const computer = await newComputer(name);
    await computer.service.configureSync({ url });
    made.push(computer);
  }
  return made as { [K in keyof N]: Computer };
}

const sync = (computer: Computer) => computer.service.syncNow({});

describe('two computers', () => {
  it('sends an article with its highlights and note, and receives it whole on the other side', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const id = await importText(laptop, 'house', HOUSE);
    await highlight(laptop, id, 'البيت القديم', 'بيت الجد');
    await laptop.service.setArticleNote({ id, note: 'قرأتها في القطار', tags: ['ذكريات'] });

    const sent = await sync(laptop);
    expect(sent.sent).toBeGreaterThanOrEqual(3);
    const received = await sync(desktop);
    expect(received.received).toBeGreaterThanOrEqual(3);
    expect(received.conflicts).toEqual([]);
    expect(await snapshot(desktop)).toEqual(await snapshot(laptop));
    expect((await snapshot(desktop))[0]?.highlights[0]).toMatchObject({
      exact: 'البيت القديم',
      note: 'بيت الجد',
    });
  });

  it('carries additions and deletions both ways', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const house = await importText(laptop, 'house', HOUSE);
    const doomed = await highlight(laptop, house, 'نوافذه');
    await sync(laptop);
    await sync(desktop);
    const city = await importText(desktop, 'city', CITY);
    await highlight(desktop, city, 'سوق العطارين', 'أزوره كل جمعة');
    await desktop.service.deleteHighlight({ articleId: await articleTitled(desktop, 'البيت'), id: doomed });
    await sync(desktop);
    await sync(laptop);
    const laptopView = await snapshot(laptop);
    expect(laptopView.map((a) => a.title)).toEqual(['البيت', 'المدينة']);
    expect(laptopView[0]?.highlights).toEqual([]);
    expect(laptopView[1]?.highlights[0]?.note).toBe('أزوره كل جمعة');
    expect(await snapshot(desktop)).toEqual(laptopView);
  });

  it('merges a note edited on both sides where the edits do not overlap', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const {
      here: house,
      there,
      id: hl,
    } = await sharedHighlight(laptop, desktop, 'السطر الأول\nالسطر الثاني');
    await laptop.service.updateHighlight({
      articleId: house,
      id: hl,
      note: 'السطر الأول، معدل\nالسطر الثاني',
    });
    await desktop.service.updateHighlight({
      articleId: there,
      id: hl,
      note: 'السطر الأول\nالسطر الثاني، مزيد',
    });
    await sync(laptop);
    const report = await sync(desktop);
    await sync(laptop);
    expect(report.conflicts).toEqual([]);
    for (const computer of [laptop, desktop]) {
      expect((await snapshot(computer))[0]?.highlights[0]?.note).toBe(
        'السطر الأول، معدل\nالسطر الثاني، مزيد',
      );
    }
  });

  it('keeps both texts of a note rewritten on both sides: one kept, the other a conflict to resolve', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const { here: house, there, id: hl } = await sharedHighlight(laptop, desktop, 'قديم');
    await laptop.service.updateHighlight({ articleId: house, id: hl, note: 'نص من الحاسوب المحمول' });
    await desktop.service.updateHighlight({ articleId: there, id: hl, note: 'نص من الحاسوب المكتبي' });
    await sync(laptop);
    const report = await sync(desktop);
    await sync(laptop);
    expect(report.conflicts).toHaveLength(1);
    const conflict = report.conflicts[0];
    if (!conflict) throw new Error('no conflict');
    expect([conflict.kept, conflict.other].sort()).toEqual(
      ['نص من الحاسوب المحمول', 'نص من الحاسوب المكتبي'].sort(),
    );
    // Both computers list it and show the same kept text.
    const onLaptop = await laptop.service.syncConflicts({});
    expect(onLaptop.map((c) => c.other)).toEqual([conflict.other]);
    expect((await snapshot(laptop))[0]?.highlights[0]?.note).toBe(conflict.kept);

    const left = await laptop.service.resolveSyncConflict({ id: onLaptop[0]?.id ?? '', keep: 'both' });
    expect(left).toEqual([]);
    // A view still showing it (another window, or the other computer's choice synced meanwhile) is told.
    expect(
      await dispatch(laptop.service, 'resolveSyncConflict', { id: onLaptop[0]?.id ?? '', keep: 'local' }),
    ).toMatchObject({ ok: false, error: { code: 'sync-conflict-changed' } });
    await sync(laptop);
    await sync(desktop);
    const both = `${conflict.kept}\n\n${conflict.other}`;
    expect((await snapshot(desktop))[0]?.highlights[0]?.note).toBe(both);
    expect(await desktop.service.syncConflicts({})).toEqual([]);
  });

  it('does not bring back a resolved conflict when both computers edit the note again before syncing', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const { here: house, there, id: hl } = await sharedHighlight(laptop, desktop, 'قديم');
    await laptop.service.updateHighlight({ articleId: house, id: hl, note: 'نص من الحاسوب المحمول' });
    await desktop.service.updateHighlight({ articleId: there, id: hl, note: 'نص من الحاسوب المكتبي' });
    await sync(laptop);
    await sync(desktop);
    await sync(laptop);
    const [first] = await laptop.service.syncConflicts({});
    if (!first) throw new Error('no conflict');
    await laptop.service.resolveSyncConflict({ id: first.id, keep: { text: 'النص المتفق عليه' } });

    // Before either syncs again, both change the note once more.
    await laptop.service.updateHighlight({ articleId: house, id: hl, note: 'النص المتفق عليه، مع إضافة' });
    await desktop.service.updateHighlight({
      articleId: there,
      id: hl,
      note: 'تعديل آخر على الحاسوب المكتبي',
    });
    await sync(laptop);
    await sync(desktop);
    await sync(laptop);

    for (const computer of [laptop, desktop]) {
      const conflicts = await computer.service.syncConflicts({});
      // Only the new disagreement is left; the text set aside before the resolution does not come back.
      expect(conflicts).toHaveLength(1);
      const texts = [conflicts[0]?.kept, conflicts[0]?.other].sort();
      expect(texts).toEqual(['النص المتفق عليه، مع إضافة', 'تعديل آخر على الحاسوب المكتبي'].sort());
    }
  });

  it("keeps both texts of an article's own note, and a new text resolves it", async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const house = await importText(laptop, 'house', HOUSE);
    await sync(laptop);
    await sync(desktop);
    const there = await articleTitled(desktop, 'البيت');
    await laptop.service.setArticleNote({ id: house, note: 'قرأتها صباحًا', tags: ['صباح'] });
    await desktop.service.setArticleNote({ id: there, note: 'قرأتها مساءً', tags: ['مساء'] });
    await sync(laptop);
    const report = await sync(desktop);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ highlightId: null, articleId: there, articleTitle: 'البيت' });
    await desktop.service.resolveSyncConflict({
      id: report.conflicts[0]?.id ?? '',
      keep: { text: 'قرأتها مرتين' },
    });
    await sync(desktop);
    await sync(laptop);
    for (const computer of [laptop, desktop]) {
      const [article] = await snapshot(computer);
      expect(article).toMatchObject({ note: 'قرأتها مرتين', tags: ['صباح', 'مساء'] });
      expect(await computer.service.syncConflicts({})).toEqual([]);
    }
  });

  it('lets a deletion win over an untouched copy, but not over an edit made after the last sync', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const house = await importText(laptop, 'house', HOUSE);
    const untouched = await highlight(laptop, house, 'نوافذه');
    const edited = await highlight(laptop, house, 'البحر', 'أول');
    await sync(laptop);
    await sync(desktop);
    const there = await articleTitled(desktop, 'البيت');
    await laptop.service.deleteHighlight({ articleId: house, id: untouched });
    await laptop.service.deleteHighlight({ articleId: house, id: edited });
    await desktop.service.updateHighlight({ articleId: there, id: edited, note: 'عدلتها بعد المزامنة' });
    await sync(laptop);
    await sync(desktop);
    await sync(laptop);
    for (const computer of [laptop, desktop]) {
      const highlights = (await snapshot(computer))[0]?.highlights ?? [];
      expect(highlights.map((h) => [h.id, h.note])).toEqual([[edited, 'عدلتها بعد المزامنة']]);
    }
  });

  it('makes one article of the same file imported on both sides before the first sync, with both highlights', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const a = await importText(laptop, 'house', HOUSE);
    const b = await importText(desktop, 'house', HOUSE);
    const mine = await highlight(laptop, a, 'البيت القديم', 'من المحمول');
    const theirs = await highlight(desktop, b, 'البحر', 'من المكتبي');
    await sync(laptop);
    await sync(desktop);
    await sync(laptop);
    for (const computer of [laptop, desktop]) {
      const view = await snapshot(computer);
      expect(view).toHaveLength(1);
      expect(view[0]?.highlights.map((h) => h.id).sort()).toEqual([mine, theirs].sort());
    }
  });
});

describe('articles', () => {
  it('carries a newer version of an article, with its highlights re-anchored', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const house = await importText(laptop, 'house', HOUSE);
    await highlight(laptop, house, 'نوافذه', 'النوافذ');
    await sync(laptop);
    await sync(desktop);
    const newer = `${HOUSE.replace('البيت\n\n', 'البيت\n\nمقدمة قصيرة أضيفت في الطبعة الثانية.\n\n')}`;
    const file = `${laptop.dir}-newer.txt`;
    await writeFile(file, newer);
    await laptop.service.updateArticleFrom(house, file);
    await sync(laptop);
    await sync(desktop);
    const there = await snapshot(desktop);
    expect(there[0]?.text).toContain('مقدمة قصيرة');
    expect(there).toEqual(await snapshot(laptop));
    const view = await desktop.service.openArticle({ id: await articleTitled(desktop, 'البيت') });
    expect(view.highlights[0]).toMatchObject({ status: 'exact', note: 'النوافذ' });
    await rm(file, { force: true });
  });

  it('carries the trash, and emptying it removes the article on the other computer', async () => {
    const [laptop, desktop] = await computers('laptop', 'desktop');
    const house = await importText(laptop, 'house', HOUSE);
    await importText(laptop, 'city', CITY);
    await sync(laptop);
    await sync(desktop);
    await laptop.service.trashArticle({ id: house });
    await sync(laptop);
    await sync(desktop);
    expect((await desktop.service.listArticles({})).map((a) => a.title)).toEqual(['المدينة']);
    expect((await desktop.service.listTrash({})).map((a) => a.title)).toEqual(['البيت']);
    await laptop.service.emptyTrash({});
    await sync(laptop);
    await sync(desktop);
    expect(await desktop.service.listTrash({})).toEqual([]);
    expect((await desktop.service.listArticles({})).map((a) => a.title)).toEqual(['المدينة']);
  });
});

describe('settings', () => {
  it('travel only between computers where the person chose to sync them, without the window place', async () => {
    const [laptop, desktop, office] = await computers('laptop', 'desktop', 'office');
    await laptop.service.configureSync({ url, includeSettings: true });
    await desktop.service.configureSync({ url, includeSettings: true });
    await laptop.service.setSettings({ fontSize: 28, theme: 'sepia' });
    await laptop.service.saveWindowBounds({ x: 5, y: 5, width: 900, height: 700, maximized: false });
    await sync(laptop);
    await sync(desktop);
    await sync(office);
    const received = (await desktop.service.getSettings({})).settings;
    expect(received).toMatchObject({ fontSize: 28, theme: 'sepia', window: null });
    expect((await office.service.getSettings({})).settings.fontSize).toBe(20);
    // A change on each side to a different setting: both kept.
    await desktop.service.setSettings({ measure: 50 });
    await laptop.service.setSettings({ language: 'en' });
    await sync(desktop);
    await sync(laptop);
    await sync(desktop);
    for (const computer of [laptop, desktop]) {
      expect((await computer.service.getSettings({})).settings).toMatchObject({
        measure: 50,
        language: 'en',
        fontSize: 28,
      });
    }
    // Turned on later, a computer takes the settings already synced rather than sending its own.
    await office.service.configureSync({ url, includeSettings: true });
    await sync(office);
    expect((await office.service.getSettings({})).settings).toMatchObject({ fontSize: 28, measure: 50 });
  });
});

describe('three computers', () => {
  it('converge through one database', async () => {
    const [a, b, c] = await computers('a', 'b', 'c');
    const house = await importText(a, 'house', HOUSE);
    await highlight(a, house, 'نوافذه', 'من أ');
    const city = await importText(b, 'city', CITY);
    await highlight(b, city, 'الجامع الكبير', 'من ب');
    await sync(a);
    await sync(b);
    await sync(c);
    const cHouse = await articleTitled(c, 'البيت');
    await c.service.setArticleNote({ id: cHouse, tags: ['من ج'] });
    await sync(c);
    await sync(a);
    await sync(b);
    const expected = await snapshot(c);
    expect(expected).toHaveLength(2);
    expect(await snapshot(a)).toEqual(expected);
    expect(await snapshot(b)).toEqual(expected);
  });
});

describe('faults', () => {
  it('refuses to sync before an address is given', async () => {
    const laptop = await newComputer('alone');
    const result = await dispatch(laptop.service, 'syncNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'sync-not-configured' } });
  });

  it('says the server cannot be reached, and changes nothing', async () => {
    const laptop = await newComputer('offline');
    await laptop.service.configureSync({ url: 'http://127.0.0.1:9/nothing-here' });
    const house = await importText(laptop, 'house', HOUSE);
    const before = await snapshot(laptop);
    const result = await dispatch(laptop.service, 'syncNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'sync-unreachable' } });
    expect(await snapshot(laptop)).toEqual(before);
    expect((await laptop.service.syncStatus({})).error?.code).toBe('sync-unreachable');
    void house;
  });
});
