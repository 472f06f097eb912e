import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import PouchDB from 'pouchdb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../api/dispatch';
import { checkDataDir } from '../store';
import {
  highlight,
  importText,
  newComputer,
  removeComputers,
  reopen,
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

beforeAll(async () => {
  server = await startCouchServer({ username: 'reader', password: 'كلمة-سر' });
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  server.onRequest = null;
  server.onResponse = null;
  await server.start().catch(() => undefined); // a test that stopped it leaves it running for the next
  await removeComputers();
});

const newDatabase = () => server.url(`faults-${(database += 1)}`);
const withPassword = (url: string, password = 'كلمة-سر') =>
  url.replace('http://', `http://reader:${encodeURIComponent(password)}@`);

async function pair(): Promise<[Computer, Computer]> {
  const url = withPassword(newDatabase());
  const laptop = await newComputer('laptop');
  const desktop = await newComputer('desktop');
  await laptop.service.configureSync({ url });
  await desktop.service.configureSync({ url });
  return [laptop, desktop];
}

/** A library with a few articles and highlights, so a sync takes many requests. */
async function fill(computer: Computer): Promise<void> {
  for (let n = 0; n < 4; n++) {
    const id = await importText(computer, `house-${n}`, `${HOUSE}\n\nنسخة ${n}`);
    await highlight(computer, id, 'البيت القديم', `ملاحظة ${n}`);
    await highlight(computer, id, 'البحر');
  }
  await importText(computer, 'city', CITY);
}

describe('credentials', () => {
  it('says a wrong password was refused, and changes nothing', async () => {
    const laptop = await newComputer('laptop');
    await laptop.service.configureSync({ url: withPassword(newDatabase(), 'خطأ') });
    await importText(laptop, 'house', HOUSE);
    const before = await snapshot(laptop);
    const result = await dispatch(laptop.service, 'syncNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'sync-unauthorized' } });
    if (!result.ok) expect(result.error.message).not.toContain('خطأ');
    expect(await snapshot(laptop)).toEqual(before);
  });

  it('never writes the password given in the address', async () => {
    const laptop = await newComputer('laptop');
    await importText(laptop, 'house', HOUSE);
    const settings = await laptop.service.configureSync({ url: withPassword(newDatabase()) });
    expect(settings).toMatchObject({ username: 'reader', hasPassword: true });
    expect(settings.url).not.toContain('كلمة');
    const kept = await readFile(path.join(laptop.dir, 'sync', 'config.json'), 'utf8');
    expect(kept).not.toContain(encodeURIComponent('كلمة-سر'));
    expect(kept).not.toContain('كلمة-سر');
    expect((await laptop.service.syncNow({})).sent).toBeGreaterThan(0);
  });

  it('keeps the password only as the key store encrypted it', async () => {
    const box = {
      available: () => true,
      encrypt: (text: string) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
      decrypt: (data: Buffer) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString(),
    };
    const laptop = await newComputer('laptop', { secrets: box });
    await importText(laptop, 'house', HOUSE);
    await laptop.service.configureSync({ url: newDatabase(), username: 'reader', password: 'كلمة-سر' });
    const kept = await readFile(path.join(laptop.dir, 'sync', 'config.json'), 'utf8');
    expect(kept).not.toContain('كلمة-سر');
    // After a restart the password comes back from the key store.
    const restarted = await reopen(laptop, { secrets: box });
    expect((await restarted.service.syncNow({})).sent).toBeGreaterThan(0);
  });
});

describe('a wrong address', () => {
  it('names a computer that does not exist as unreachable, and changes nothing', async () => {
    const laptop = await newComputer('laptop');
    // .invalid never resolves (RFC 6761): the same answer as a mistyped host name.
    await laptop.service.configureSync({ url: 'https://couch.no-such-host.invalid/hamish' });
    await importText(laptop, 'house', HOUSE);
    const before = await snapshot(laptop);
    const result = await dispatch(laptop.service, 'syncNow', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'sync-unreachable', file: 'https://couch.no-such-host.invalid/hamish' },
    });
    expect(await snapshot(laptop)).toEqual(before);
    expect(await checkDataDir(laptop.dir)).toEqual([]);
  });

  it("says the server's own address names no database, and creates none", async () => {
    const laptop = await newComputer('laptop');
    const root = withPassword(server.url(''));
    await laptop.service.configureSync({ url: root });
    await importText(laptop, 'house', HOUSE);
    const before = await snapshot(laptop);
    const result = await dispatch(laptop.service, 'syncNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'sync-not-a-database' } });
    if (!result.ok) expect(result.error.message).toMatch(/names a server but no database/);
    expect(await snapshot(laptop)).toEqual(before);
  });
});

/** A server on 127.0.0.1 answering each request with `answer`; closed after `run`. */
async function withServer(
  answer: (request: http.IncomingMessage, response: http.ServerResponse) => void,
  run: (origin: string) => Promise<void>,
): Promise<void> {
  const fake = http.createServer(answer);
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(fake.address() as AddressInfo).port}`);
  } finally {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
  }
}

const json = (response: http.ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** A new computer with one article syncs with `url`: the result, its library checked unchanged. */
async function syncLeavingLibraryAsIs(url: string) {
  const laptop = await newComputer('laptop');
  await laptop.service.configureSync({ url });
  await importText(laptop, 'house', HOUSE);
  const before = await snapshot(laptop);
  const result = await dispatch(laptop.service, 'syncNow', {});
  expect(await snapshot(laptop)).toEqual(before);
  return result;
}

describe('an address that is not a CouchDB database, or a server answering with an error of another kind', () => {
  it.each([
    {
      case: 'a web page',
      answer: (_request: http.IncomingMessage, response: http.ServerResponse) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>مدونة شخصية</body></html>'),
      database: 'blog',
      code: 'sync-not-a-database',
      says: 'is not a CouchDB database',
    },
    {
      case: 'a 400',
      answer: (_request: http.IncomingMessage, response: http.ServerResponse) =>
        json(response, 400, { error: 'bad_request', reason: 'Nonsense' }),
      database: 'hamish',
      code: 'sync-server-error',
      says: '(400: Bad Request)',
    },
  ])('is its own error for $case ($code), naming the address, with nothing changed', async (fault) => {
    await withServer(fault.answer, async (origin) => {
      const result = await syncLeavingLibraryAsIs(`${origin}/${fault.database}`);
      expect(result).toMatchObject({
        ok: false,
        error: { code: fault.code, file: `${origin}/${fault.database}` },
      });
      if (!result.ok) expect(result.error.message).toContain(fault.says);
    });
  });
});

describe('a database emptied while this sync sets it up', () => {
  it('says so, naming the address, with nothing changed', async () => {
    // A database whose format document is never there, though writing it is refused as already done.
    const asked: string[] = [];
    await withServer(
      (request, response) => {
        asked.push(`${request.method} ${request.url?.split('?')[0]}`);
        if (request.url?.startsWith('/hamish/hamish-format')) {
          if (request.method === 'PUT')
            json(response, 409, { error: 'conflict', reason: 'Document update conflict.' });
          else json(response, 404, { error: 'not_found', reason: 'deleted' });
        } else json(response, 200, { db_name: 'hamish', doc_count: 0, update_seq: '0' });
      },
      async (origin) => {
        const result = await syncLeavingLibraryAsIs(`${origin}/hamish`);
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'sync-format-lost', file: `${origin}/hamish` },
        });
        expect(asked).toEqual([
          'GET /hamish/',
          'GET /hamish/hamish-format',
          'PUT /hamish/hamish-format',
          'GET /hamish/hamish-format',
        ]);
      },
    );
  });
});

describe('a library that cannot be written', () => {
  it("is not synced: the store's own error names the file, and the database receives nothing", async () => {
    const url = newDatabase();
    let laptop = await newComputer('laptop');
    await laptop.service.configureSync({ url: withPassword(url) });
    await importText(laptop, 'house', HOUSE);
    const library = path.join(laptop.dir, 'library.json');
    const written = JSON.parse(await readFile(library, 'utf8')) as Record<string, unknown>;
    await writeFile(library, JSON.stringify({ ...written, schemaVersion: 99 }));
    laptop = await reopen(laptop);
    const result = await dispatch(laptop.service, 'syncNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'newer-version', file: library } });
    // Not even created (PouchDB's info() passes the server's 404 on as its answer).
    const remote = new PouchDB(url, {
      auth: { username: 'reader', password: 'كلمة-سر' },
      skip_setup: true,
    });
    await expect(remote.info()).resolves.toMatchObject({ error: 'not_found' });
    await remote.close();
  });
});

describe('a database written by a newer version', () => {
  it('is refused with a message, and nothing is changed on either side', async () => {
    const url = newDatabase();
    const remote = new PouchDB(url, { auth: { username: 'reader', password: 'كلمة-سر' } });
    await remote.put({ _id: 'hamish-format', format: 99 });
    const laptop = await newComputer('laptop');
    await laptop.service.configureSync({ url: withPassword(url) });
    await importText(laptop, 'house', HOUSE);
    const result = await dispatch(laptop.service, 'syncNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'sync-newer-version' } });
    expect((await remote.info()).doc_count).toBe(1);
    await remote.close();
  });
});

describe('a server that disappears in the middle of a sync', () => {
  for (const cut of [4, 9, 15]) {
    it(`leaves the library whole and the next sync carries on (cut at request ${cut})`, async () => {
      const [laptop, desktop] = await pair();
      await fill(laptop);
      await laptop.service.syncNow({});
      await desktop.service.setArticleNote({ id: await importText(desktop, 'city2', CITY + '\n\nآخر') });
      const before = await snapshot(desktop);
      const start = server.requests();
      server.onRequest = (count) => {
        if (count - start === cut) void server.stop();
      };
      const result = await dispatch(desktop.service, 'syncNow', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'sync-unreachable' } });
      expect(await snapshot(desktop)).toEqual(before); // nothing half applied
      expect(await checkDataDir(desktop.dir)).toEqual([]);
      server.onRequest = null;
      await server.start();
      await desktop.service.syncNow({});
      await laptop.service.syncNow({});
      expect(await snapshot(desktop)).toEqual(await snapshot(laptop));
      expect((await snapshot(laptop)).length).toBe(6);
    });
  }
});

describe('sync state written by a newer version on this computer', () => {
  it('is refused naming the file, and neither the library nor the database changes', async () => {
    const [laptop, desktop] = await pair();
    await importText(laptop, 'house', HOUSE);
    await laptop.service.syncNow({});
    await importText(laptop, 'city', CITY);
    const file = path.join(laptop.dir, 'sync', 'state.json');
    const state = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...state, schemaVersion: 2, addedLater: true }));
    const before = await snapshot(laptop);
    const result = await dispatch(laptop.service, 'syncNow', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'newer-version', file } });
    expect(await snapshot(laptop)).toEqual(before);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 2, addedLater: true });
    await desktop.service.syncNow({});
    expect((await snapshot(desktop)).map((article) => article.title)).toEqual(['البيت']);
  });
});

describe('a sync cut off after its first checkpoint', () => {
  it('resumes from the checkpoint instead of reading the database from the start', async () => {
    const [laptop, desktop] = await pair();
    const house = await importText(laptop, 'house', HOUSE);
    // More documents than one replication batch (250), so the incoming replication records a checkpoint midway.
    for (let n = 0; n < 300; n++) await highlight(laptop, house, 'البحر', `ملاحظة ${n}`);
    await laptop.service.syncNow({});

    // Cut once the incoming replication has fetched its first batch and recorded it (the outgoing one, with
    // nothing to send, records its own checkpoint before that).
    let fetched = false;
    let cut = false;
    server.onRequest = (_count, { url }) => {
      if (url.includes('/_bulk_get')) fetched = true;
    };
    server.onResponse = ({ method, url, status }) => {
      if (fetched && !cut && method === 'PUT' && url.includes('/_local/') && status < 300) {
        cut = true;
        void server.stop();
      }
    };
    const result = await dispatch(desktop.service, 'syncNow', {});
    expect(cut).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: 'sync-unreachable' } });
    expect(await snapshot(desktop)).toEqual([]); // nothing half applied
    expect(await checkDataDir(desktop.dir)).toEqual([]);

    server.onRequest = null;
    server.onResponse = null;
    await server.start();
    const resumedFrom = server.log.length;
    await desktop.service.syncNow({});
    const firstChanges = server.log.slice(resumedFrom).find((line) => line.includes('/_changes'));
    const since = new URL(`http://x${firstChanges?.split(' ')[1] ?? ''}`).searchParams.get('since');
    expect(Number(since)).toBeGreaterThanOrEqual(250);
    expect(await snapshot(desktop)).toEqual(await snapshot(laptop));
    expect((await snapshot(desktop))[0]?.highlights).toHaveLength(300);
  });
});

describe('the person writing during a sync', () => {
  it('keeps the note written while the sync was receiving, and sends it next time beside the one received', async () => {
    const [laptop, desktop] = await pair();
    const { here: house, there, id: hl } = await sharedHighlight(laptop, desktop, 'أول');
    await laptop.service.updateHighlight({ articleId: house, id: hl, note: 'من الحاسوب المحمول' });
    await laptop.service.syncNow({});

    // The desktop's person saves a note while its sync is fetching the laptop's.
    let edit: Promise<void> | null = null;
    let editSaved = false;
    server.onRequest = (_count, { url }) => {
      if (!edit && url.includes('/_bulk_get')) {
        edit = desktop.service
          .updateHighlight({ articleId: there, id: hl, note: 'كتبته أثناء المزامنة' })
          .then(() => void (editSaved = true));
      }
    };
    await desktop.service.syncNow({});
    server.onRequest = null;
    expect(editSaved).toBe(true); // saved before the sync ended: the sync had to leave it alone
    expect((await snapshot(desktop))[0]?.highlights[0]?.note).toBe('كتبته أثناء المزامنة');

    await desktop.service.syncNow({});
    await laptop.service.syncNow({});
    for (const computer of [laptop, desktop]) {
      const [conflict, ...more] = await computer.service.syncConflicts({});
      expect(more).toEqual([]);
      expect([conflict?.kept, conflict?.other].sort()).toEqual(
        ['كتبته أثناء المزامنة', 'من الحاسوب المحمول'].sort(),
      );
    }
  });
});

describe('a note in conflict, written during a sync', () => {
  it('keeps the text set aside before, beside the two new ones', async () => {
    const [laptop, desktop] = await pair();
    const { here: house, there, id: hl } = await sharedHighlight(laptop, desktop, 'أول');
    await laptop.service.updateHighlight({ articleId: house, id: hl, note: 'نص المحمول' });
    await desktop.service.updateHighlight({ articleId: there, id: hl, note: 'نص المكتبي' });
    await laptop.service.syncNow({});
    await desktop.service.syncNow({});
    await laptop.service.syncNow({});
    const [first] = await laptop.service.syncConflicts({});
    if (!first) throw new Error('no conflict');

    // Unresolved, the note changes again on the laptop, and on the desktop while its sync receives that.
    await laptop.service.updateHighlight({ articleId: house, id: hl, note: 'المحمول مرة ثانية' });
    await laptop.service.syncNow({});
    let edit: Promise<unknown> | null = null;
    server.onRequest = (_count, { url }) => {
      if (!edit && url.includes('/_bulk_get')) {
        edit = desktop.service.updateHighlight({ articleId: there, id: hl, note: 'المكتبي أثناء المزامنة' });
      }
    };
    await desktop.service.syncNow({});
    server.onRequest = null;
    await edit;
    await desktop.service.syncNow({});
    await laptop.service.syncNow({});

    for (const computer of [laptop, desktop]) {
      const conflicts = await computer.service.syncConflicts({});
      const texts = new Set(conflicts.flatMap((conflict) => [conflict.kept, conflict.other]));
      // Nothing the person has not chosen between is gone: the first text set aside is still there.
      expect([...texts].sort()).toEqual([first.other, 'المحمول مرة ثانية', 'المكتبي أثناء المزامنة'].sort());
    }
  });
});

describe('a clock a day wrong', () => {
  it('does not decide which edit is newer: the revisions do', async () => {
    const url = withPassword(newDatabase());
    const dayAhead = () => new Date(Date.now() + 24 * 3600 * 1000);
    const laptop = await newComputer('laptop', { now: dayAhead });
    const desktop = await newComputer('desktop');
    await laptop.service.configureSync({ url });
    await desktop.service.configureSync({ url });
    const { there, id: hl } = await sharedHighlight(laptop, desktop, 'من الغد');
    await desktop.service.updateHighlight({ articleId: there, id: hl, note: 'كتبت بعد المزامنة' });
    await desktop.service.syncNow({});
    await laptop.service.syncNow({});
    expect((await snapshot(laptop))[0]?.highlights[0]?.note).toBe('كتبت بعد المزامنة');
  });
});

describe('documents Hamish did not write', () => {
  it('are left in the database and never stop a sync', async () => {
    const url = newDatabase();
    const laptop = await newComputer('laptop');
    await laptop.service.configureSync({ url: withPassword(url) });
    await importText(laptop, 'house', HOUSE);
    await laptop.service.syncNow({});
    // Well-formed documents under ids that would name files outside the library, and malformed ones.
    const remote = new PouchDB(url, { auth: { username: 'reader', password: 'كلمة-سر' } });
    const { rows } = await remote.allDocs({ include_docs: true });
    const copies = rows.flatMap((row) => {
      const doc = 'doc' in row ? row.doc : null;
      if (!doc || !/^(article|content):/.test(doc._id)) return [];
      const { _rev: _dropped, ...body } = doc;
      void _dropped;
      return [{ ...body, _id: `${doc._id.split(':')[0]}:..%2F..%2Foutside` }];
    });
    expect(copies).toHaveLength(2);
    await remote.bulkDocs([
      ...copies,
      { _id: 'hl:abc:../../x', type: 'highlight' },
      { _id: 'article:abc', type: 'article', title: 42 },
      { _id: 'something-else', hello: 'world' },
    ]);
    const desktop = await newComputer('desktop');
    await desktop.service.configureSync({ url: withPassword(url) });
    const report = await desktop.service.syncNow({});
    expect(report.conflicts).toEqual([]);
    expect((await snapshot(desktop)).map((a) => a.title)).toEqual(['البيت']);
    expect(await checkDataDir(desktop.dir)).toEqual([]);
    await remote.close();
  });
});
