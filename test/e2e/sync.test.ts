import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { createService, type Service } from '../../main/api/service';
import { startCouchServer, type CouchServer } from '../kits/couch-server';
import {
  bridge,
  browserUnavailable,
  closeSession,
  openSession,
  removeDir,
  RESULTS_DIR,
  ROOT,
  tempDataDir,
  type Session,
} from './harness';

const unavailable = browserUnavailable();
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const USER = 'qari';
const PASSWORD = 'kalimat-sirr-42';

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Serious and critical axe-core violations on the page as it is. */
async function axe(page: Page): Promise<AxeViolation[]> {
  // The page's CSP forbids inline scripts, so these pages are opened with bypassCSP (axe runs only).
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const runner = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await runner.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Sync from the desktop's page: a CouchDB-compatible server on 127.0.0.1 asking for a user name and password,
 * this computer's library behind the page, and a second computer (another data folder through the real
 * service) syncing with the same database.
 */
describe.skipIf(unavailable !== null)('sync settings and conflicts in the browser', () => {
  let session: Session;
  let couch: CouchServer;
  let url: string;
  let otherDir: string;
  let other: Service;
  let articleId: string;
  let highlightId: string;
  let quote: string;

  beforeAll(async () => {
    couch = await startCouchServer({ username: USER, password: PASSWORD });
    url = couch.url('hamish-e2e');
    session = await openSession();
    articleId = (await session.service.listArticles({}))[0]?.id ?? '';
    const article = await session.service.openArticle({ id: articleId });
    const paragraph = article.blocks.find((b) => b.kind === 'paragraph');
    quote = paragraph?.text.slice(0, 30).trim() ?? '';
    const start = canonicalText(article.blocks).indexOf(quote);
    highlightId = (
      await session.service.createHighlight({
        articleId,
        start,
        end: start + quote.length,
        color: 'yellow',
        note: 'ملاحظة أولى',
      })
    ).id;
    otherDir = await tempDataDir();
    other = await createService({ dataDir: otherDir });
    await mkdir(RESULTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await closeSession(session);
    await couch?.stop();
    if (otherDir) await removeDir(otherDir);
  });

  async function newPage(
    language: 'ar' | 'en' = 'en',
    viewport = { width: 1280, height: 800 },
  ): Promise<Page> {
    await session.service.setSettings({ language });
    const page = await session.browser.newPage({ viewport, locale: language, bypassCSP: true });
    await bridge(page, session.service);
    return page;
  }

  async function openSyncSettings(page: Page, settingsName = 'Settings'): Promise<void> {
    await page.goto(`${session.origin}/index.html#/library`);
    await page.locator('.library-page .library-item').first().waitFor();
    await page.getByRole('button', { name: settingsName, exact: true }).click();
    await page.locator('#sync-url').waitFor();
  }

  /** The highlight's note on the other computer, changed there and synced first; this one then syncs. */
  async function editOnBoth(mine: string, theirs: string): Promise<void> {
    await session.service.updateHighlight({ articleId, id: highlightId, note: mine });
    const there = (await other.listArticles({}))[0]?.id ?? '';
    await other.updateHighlight({ articleId: there, id: highlightId, note: theirs });
    await other.syncNow({});
  }

  const noteHere = async () =>
    (await session.service.openArticle({ id: articleId })).highlights.find((h) => h.id === highlightId)?.note;

  it('is set up from the settings, and "Sync now" says what was sent and received', async () => {
    const page = await newPage();
    try {
      await openSyncSettings(page);
      await page.getByText('No password is kept.').waitFor();
      await page.getByRole('textbox', { name: 'Database address' }).fill(url);
      await page.getByRole('textbox', { name: 'User name' }).fill(USER);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Sync settings saved.').waitFor();
      await page.getByText('A password is kept', { exact: false }).waitFor();
      // Never shown back.
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');

      await page.getByRole('button', { name: 'Sync now' }).click();
      const counts = page.getByTestId('sync-counts');
      await counts.waitFor();
      const [sent, received, conflicts] =
        ((await counts.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
      // The article, its highlight, and the library's own document at least.
      expect(sent).toBeGreaterThanOrEqual(2);
      expect(received).toBeGreaterThanOrEqual(0);
      expect(conflicts).toBe(0);
      await page.getByText(/^Last sync: .*2\d{3}/).waitFor();

      // The password is nowhere in the data folder (no key store here: it is held for the session only).
      const config = await readFile(path.join(session.dataDir, 'sync', 'config.json'), 'utf8');
      expect(config).not.toContain(PASSWORD);
      expect(JSON.parse(config)).toMatchObject({ url, username: USER });

      // The other computer receives it all.
      await other.configureSync({ url, username: USER, password: PASSWORD });
      const report = await other.syncNow({});
      expect(report.received).toBeGreaterThanOrEqual(2);
      const [there] = await other.listArticles({});
      const received0 = await other.openArticle({ id: there?.id ?? '' });
      expect(received0.highlights.map((h) => h.note)).toEqual(['ملاحظة أولى']);
    } finally {
      await page.close();
    }
  });

  it('shows a note edited on both computers with both texts, and keeps the one chosen', async () => {
    await editOnBoth('نص من هذا الحاسوب', 'نص من الحاسوب الآخر');
    const page = await newPage();
    try {
      await openSyncSettings(page);
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page
        .getByTestId('sync-counts')
        .getByText(/Left in conflict: 1/)
        .waitFor();
      await page.getByRole('button', { name: '1 note in conflict — resolve' }).click();
      await page.getByRole('heading', { name: 'Notes in conflict' }).waitFor();
      const card = page.locator('.conflict');
      await card.getByText(quote).waitFor();
      const shown = await noteHere();
      const [kept, set] = await Promise.all([
        card.locator('.conflict-text').nth(0).locator('.note-markdown').textContent(),
        card.locator('.conflict-text').nth(1).locator('.note-markdown').textContent(),
      ]);
      expect([kept?.trim(), set?.trim()].sort()).toEqual(['نص من الحاسوب الآخر', 'نص من هذا الحاسوب'].sort());
      expect(kept?.trim()).toBe(shown);

      await page.getByRole('button', { name: "Keep the other computer's text" }).click();
      await page.getByText('No notes in conflict.').waitFor();
      await page.getByText(/^Resolved: the note in/).waitFor();
      expect(await noteHere()).toBe(set?.trim());
      expect(await session.service.syncConflicts({})).toEqual([]);
      // The choice travels to the other computer.
      await session.service.syncNow({});
      await other.syncNow({});
      const [there] = await other.listArticles({});
      const view = await other.openArticle({ id: there?.id ?? '' });
      expect(view.highlights.find((h) => h.id === highlightId)?.note).toBe(set?.trim());
    } finally {
      await page.close();
    }
  });

  it('keeps a merged text written in the conflict view', async () => {
    await editOnBoth('السطر الأول من هنا', 'السطر الأول من هناك');
    await session.service.syncNow({});
    const page = await newPage();
    try {
      await page.goto(`${session.origin}/index.html#/conflicts`);
      await page.locator('.conflict').waitFor();
      await page.getByRole('button', { name: 'Write a merged text' }).click();
      const field = page.getByRole('textbox', { name: 'Merged text' });
      expect(await field.inputValue()).toContain('السطر الأول من هنا');
      await field.fill('السطر الأول، **مدمجًا**');
      await page.keyboard.press('Control+Enter');
      await page.getByText('No notes in conflict.').waitFor();
      expect(await noteHere()).toBe('السطر الأول، **مدمجًا**');
      // The choice travels: the other computer gets the merged text.
      await session.service.syncNow({});
      await other.syncNow({});
      const [there] = await other.listArticles({});
      const view = await other.openArticle({ id: there?.id ?? '' });
      expect(view.highlights.find((h) => h.id === highlightId)?.note).toBe('السطر الأول، **مدمجًا**');
    } finally {
      await page.close();
    }
  });

  for (const language of ['ar', 'en'] as const) {
    it(`has no serious accessibility violation in the sync settings and conflicts (${language}), and looks right`, async () => {
      if (language === 'ar') {
        await editOnBoth('رأيي هنا', 'رأيي هناك');
        await session.service.syncNow({});
      }
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 900, height: 700 },
      ]) {
        const page = await newPage(language, viewport);
        const size = `${viewport.width}x${viewport.height}`;
        try {
          // The reader says when one of the article's notes is in conflict, and leads to the conflicts.
          await page.goto(`${session.origin}/index.html#/article/${articleId}`);
          const notice = page.locator('.conflict-notice button');
          await notice.waitFor();
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.screenshot({ path: path.join(RESULTS_DIR, `sync-reader-${language}-${size}.png`) });
          expect(await axe(page)).toEqual([]);
          await notice.click();
          await page.locator('.conflict').waitFor();

          await openSyncSettings(page, language === 'ar' ? 'الإعدادات' : 'Settings');
          await page.locator('.sync-status .sync-last').waitFor();
          await page.locator('.sync-status').scrollIntoViewIfNeeded();
          await page.locator('.sync-conflicts-link').waitFor();
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.screenshot({ path: path.join(RESULTS_DIR, `sync-settings-${language}-${size}.png`) });
          expect(await axe(page)).toEqual([]);

          await page.locator('.sync-conflicts-link').click();
          await page.locator('.conflict').waitFor();
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.screenshot({ path: path.join(RESULTS_DIR, `sync-conflicts-${language}-${size}.png`) });
          expect(await axe(page)).toEqual([]);
          await page.locator('.conflict .conflict-actions button').nth(1).click();
          await page.locator('.conflict-merge textarea').waitFor();
          expect(await axe(page)).toEqual([]);
          await page.screenshot({ path: path.join(RESULTS_DIR, `sync-merge-${language}-${size}.png`) });
        } finally {
          await page.close();
        }
      }
    });
  }

  it('says in words that the server refused a wrong password', async () => {
    const page = await newPage();
    try {
      await openSyncSettings(page);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Sync settings saved.').waitFor();
      await page.getByRole('button', { name: 'Sync now' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'refused the user name or password' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(url);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'sync-wrong-password-en.png') });
    } finally {
      await page.close();
    }
  });

  it('seals what the server stores with a passphrase given in the settings', async () => {
    const sealed = couch.url('hamish-sealed');
    const page = await newPage();
    try {
      await openSyncSettings(page);
      await page.getByText(/^Not encrypted/).waitFor();
      await page.getByRole('textbox', { name: 'Database address' }).fill(sealed);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByLabel('Encryption passphrase (optional)').fill('عبارة سرية طويلة للمزامنة');
      await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(/^What the server stores is sealed/).waitFor();
      expect(await page.getByLabel('Encryption passphrase (optional)').inputValue()).toBe('');
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByTestId('sync-counts').waitFor();

      // The server holds the documents, but none of the notes or passages in a form it can read.
      const read = (database: string) =>
        fetch(`${database}/_all_docs?include_docs=true`, {
          headers: { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
        }).then((response) => response.text());
      const stored = await read(sealed);
      // The plain database of the first tests, read the same way, shows the passage as it is.
      expect(await read(url)).toContain(quote);
      const note = (await noteHere()) ?? '';
      expect(JSON.parse(stored).rows.length).toBeGreaterThanOrEqual(2);
      expect(note.length).toBeGreaterThan(0);
      expect(stored).not.toContain(quote);
      expect(stored).not.toContain(JSON.stringify(note).slice(1, -1));

      // "Forget" empties the form and the kept settings; the library keeps what was synced.
      await page.getByRole('button', { name: 'Forget this server' }).click();
      await page.getByText(/^The server and its password are forgotten/).waitFor();
      expect(await page.getByRole('textbox', { name: 'Database address' }).inputValue()).toBe('');
      await page.getByText('No password is kept.').waitFor();
      expect(await session.service.syncSettings({})).toMatchObject({
        url: null,
        hasPassword: false,
        encrypted: false,
      });
      expect(await noteHere()).toBe(note);
    } finally {
      await page.close();
    }
  });

  it('says in Arabic that the passphrase does not open the database, not that the password was refused', async () => {
    // A database the other computer sealed with its passphrase; this one is given another.
    const sealed = couch.url('hamish-sealed-elsewhere');
    await other.configureSync({
      url: sealed,
      username: USER,
      password: PASSWORD,
      passphrase: 'عبارة الحاسوب الآخر',
    });
    await other.syncNow({});
    await other.configureSync({ url, passphrase: '' });
    const page = await newPage('ar');
    try {
      await openSyncSettings(page, 'الإعدادات');
      await page.locator('#sync-url').fill(sealed);
      await page.locator('#sync-username').fill(USER);
      await page.locator('#sync-password').fill(PASSWORD);
      await page.locator('#sync-passphrase').fill('عبارة أخرى لا تفتحها');
      await page.getByRole('dialog').getByRole('button', { name: 'احفظ', exact: true }).click();
      await page.getByText('حُفظت إعدادات المزامنة.').waitFor();
      await page.getByRole('button', { name: 'زامن الآن' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'عبارة التشفير لا تفتح' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(sealed);
      expect(await alert.textContent()).not.toContain('كلمة المرور');
      await alert.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'sync-wrong-passphrase-ar.png') });
      expect(await session.service.syncStatus({})).toMatchObject({
        error: { code: 'sync-wrong-passphrase' },
      });
    } finally {
      await page.close();
    }
  });
});
