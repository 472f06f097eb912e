import PouchDB from 'pouchdb';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { dispatch } from '../api/dispatch';
import { writeFile } from 'node:fs/promises';
import { dataUri, pngBytes } from '../../test/kits/images';
import {
  highlight,
  importText,
  newComputer,
  removeComputers,
  snapshot,
  type Computer,
  HOUSE,
} from '../../test/kits/sync-kit';
import { startCouchServer, type CouchServer } from '../../test/kits/couch-server';

vi.setConfig({ testTimeout: 30_000 });

let server: CouchServer;
let database = 0;

beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  await removeComputers();
});

it('with a passphrase the server stores only ciphertext, and both computers read the library', async () => {
  const url = server.url(`sealed-${(database += 1)}`);
  const laptop = await newComputer('laptop');
  const desktop = await newComputer('desktop');
  await laptop.service.configureSync({ url, passphrase: 'عبارة سرية طويلة' });
  await desktop.service.configureSync({ url, passphrase: 'عبارة سرية طويلة' });
  expect((await laptop.service.syncSettings({})).encrypted).toBe(true);
  const id = await importText(laptop, 'house', HOUSE);
  await highlight(laptop, id, 'البيت القديم', 'ملاحظة لا يقرؤها الخادم');
  await laptop.service.syncNow({});
  await desktop.service.syncNow({});
  expect(await snapshot(desktop)).toEqual(await snapshot(laptop));

  const remote = new PouchDB(url);
  const stored = JSON.stringify((await remote.allDocs({ include_docs: true })).rows);
  await remote.close();
  expect(stored).not.toContain('البيت');
  expect(stored).not.toContain('ملاحظة');
  expect(stored).toContain('"sealed"');

  // A note changed on the other computer comes back through the ciphertext.
  const there = (await desktop.service.listArticles({}))[0]?.id ?? '';
  const hl = (await desktop.service.openArticle({ id: there })).highlights[0]?.id ?? '';
  await desktop.service.updateHighlight({ articleId: there, id: hl, note: 'عدلت على المكتبي' });
  await desktop.service.syncNow({});
  await laptop.service.syncNow({});
  expect((await snapshot(laptop))[0]?.highlights[0]?.note).toBe('عدلت على المكتبي');
});

it('refuses a wrong or missing passphrase, and a passphrase for a database that is not encrypted', async () => {
  const url = server.url(`sealed-${(database += 1)}`);
  const laptop = await newComputer('laptop');
  await laptop.service.configureSync({ url, passphrase: 'الصحيحة' });
  await importText(laptop, 'house', HOUSE);
  await laptop.service.syncNow({});

  const wrong = await newComputer('wrong');
  await wrong.service.configureSync({ url, passphrase: 'خاطئة' });
  const refused = await dispatch(wrong.service, 'syncNow', {});
  // Its own state, not a refused password: the server let this computer in, the passphrase is what is wrong.
  expect(refused).toMatchObject({ ok: false, error: { code: 'sync-wrong-passphrase', file: url } });
  if (!refused.ok) expect(refused.error.message).toContain('passphrase does not open');
  expect(await wrong.service.syncStatus({})).toMatchObject({ error: { code: 'sync-wrong-passphrase' } });
  expect(await snapshot(wrong)).toEqual([]);

  const none = await newComputer('none');
  await none.service.configureSync({ url });
  expect(await dispatch(none.service, 'syncNow', {})).toMatchObject({
    ok: false,
    error: { code: 'sync-needs-passphrase', message: expect.stringContaining('is encrypted') },
  });

  const plainUrl = server.url(`plain-${(database += 1)}`);
  const plain = await newComputer('plain');
  await plain.service.configureSync({ url: plainUrl });
  await plain.service.syncNow({});
  await plain.service.configureSync({ url: plainUrl, passphrase: 'متأخرة' });
  expect(await dispatch(plain.service, 'syncNow', {})).toMatchObject({
    ok: false,
    error: { code: 'sync-not-encrypted', message: expect.stringContaining('is not encrypted') },
  });
});

for (const [from, to] of [
  ['plain', 'sealed'],
  ['sealed', 'plain'],
] as const) {
  it(`keeps a new ${to} database ${to} when a computer moves to it from a ${from} one`, async () => {
    const passphraseOf = (kind: 'plain' | 'sealed') => (kind === 'sealed' ? 'عبارة المكتبة' : '');
    const first = server.url(`${from}-${(database += 1)}`);
    const second = server.url(`${to}-${(database += 1)}`);
    const laptop = await newComputer('laptop');
    await laptop.service.configureSync({ url: first, passphrase: passphraseOf(from) });
    await importText(laptop, 'house', HOUSE);
    await laptop.service.syncNow({});
    await laptop.service.configureSync({ url: second, passphrase: passphraseOf(to) });
    await laptop.service.syncNow({});
    // The second database's own marker says what it is: the first one's never travels with the library.
    await laptop.service.syncNow({});
    const desktop = await newComputer('desktop');
    await desktop.service.configureSync({ url: second, passphrase: passphraseOf(to) });
    await desktop.service.syncNow({});
    expect(await snapshot(desktop)).toEqual(await snapshot(laptop));
  });
}

/** An article with a picture, imported from an HTML page. */
async function withPicture(computer: Computer): Promise<string> {
  const file = `${computer.dir}-picture.html`;
  const picture = dataUri(pngBytes(40, 30, 7));
  await writeFile(
    file,
    `<html lang="ar"><body><article><h1>صورة</h1><p>فقرة قبل الصورة تكفي لتكون مقالة.</p><figure><img src="${picture}" alt="بحر"><figcaption>البحر عند الغروب</figcaption></figure></article></body></html>`,
  );
  const [outcome] = await computer.service.importFiles([file]);
  if (!outcome?.ok) throw new Error(JSON.stringify(outcome));
  return outcome.id;
}

for (const passphrase of [undefined, 'عبارة']) {
  it(`carries an article's pictures ${passphrase ? 'sealed' : 'in the clear'}`, async () => {
    const url = server.url(`pictures-${(database += 1)}`);
    const laptop = await newComputer('laptop');
    const desktop = await newComputer('desktop');
    await laptop.service.configureSync({ url, passphrase });
    await desktop.service.configureSync({ url, passphrase });
    const id = await withPicture(laptop);
    await laptop.service.syncNow({});
    await desktop.service.syncNow({});
    const sent = (await laptop.service.openArticle({ id })).blocks.find((block) => block.image);
    const there = (await desktop.service.listArticles({}))[0]?.id ?? '';
    const received = (await desktop.service.openArticle({ id: there })).blocks.find((block) => block.image);
    expect(received?.image).toEqual(sent?.image);
    const asset = sent?.image?.asset ?? '';
    const bytes = async (dir: string) =>
      (await import('node:fs/promises')).readFile(`${dir}/assets/${asset}`);
    expect((await bytes(desktop.dir)).equals(await bytes(laptop.dir))).toBe(true);
  });
}
