import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEvent, type FakeElectron } from './fake-electron';
import { invoke, removeFolders, startApp, stopApp, type Started } from './app-session';

// Each launch opens a real store and imports the default article: seconds on a busy machine, not a timing test.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/**
 * Quitting the built main process, however it is asked to: every write the page or the shell started is on
 * disk before the data folder's lock is released, and the app then ends.
 */

type Library = {
  settings: { fontSize: number; window: { width: number; height: number } | null };
  articles: { id: string; note: string; progress: { offset: number } | null }[];
};

let app: Started | undefined;

afterEach(async () => {
  await stopApp(app?.electron);
  app = undefined;
  await removeFolders();
});

/** What is on disk at the moment the app ends: library.json's settings, and whether the lock is still there. */
function snapshotAtExit(
  electron: FakeElectron,
  dataDir: string,
): () => { library: Library; locked: boolean } {
  let snapshot: { library: Library; locked: boolean } | null = null;
  electron.app.onExit = () => {
    snapshot = {
      library: JSON.parse(readFileSync(path.join(dataDir, 'library.json'), 'utf8')) as Library,
      locked: existsSync(path.join(dataDir, 'hamish.lock')),
    };
  };
  return () => {
    if (!snapshot) throw new Error('the app has not ended');
    return snapshot;
  };
}

/**
 * The page's last saves, sent without waiting (reading position, then the article note's draft); resolves to
 * whether the lock was still held when each one was acknowledged.
 */
async function sendSaves(started: Started, draft: string): Promise<() => Promise<boolean[]>> {
  const { electron, window, dataDir } = started;
  const articles = (await invoke(electron, window, 'listArticles', {})) as { value: { id: string }[] };
  const id = articles.value[0]?.id;
  const lock = path.join(dataDir, 'hamish.lock');
  const saves = [
    ...[40, 80, 120, 160].map((offset) => ['saveProgress', { id, offset, fraction: offset / 1000 }] as const),
    ['setArticleNote', { id, note: draft }] as const,
  ].map(async ([method, input]) => {
    const result = await invoke(electron, window, method, input);
    expect(result).toMatchObject({ ok: true });
    return existsSync(lock);
  });
  return () => Promise.all(saves);
}

describe('quitting', () => {
  it('from the menu or Ctrl/Cmd+Q: holds the quit until the reading position, the note draft and the window size are on disk', async () => {
    app = await startApp();
    const { electron, window, dataDir } = app;
    const atExit = snapshotAtExit(electron, dataDir);
    window.setBounds({ width: 900, height: 700 }); // saved half a second after the last move, or on close
    const landed = await sendSaves(app, 'مسودة ملاحظة');
    electron.app.quit();

    expect(electron.log).toContain('before-quit prevented');
    expect(await electron.app.exited).toBe(0);
    expect(await landed()).toEqual([true, true, true, true, true]); // each landed while the lock was held
    const { library, locked } = atExit();
    expect(library.articles[0]).toMatchObject({ note: 'مسودة ملاحظة', progress: { offset: 160 } });
    expect(library.settings.window).toMatchObject({ width: 900, height: 700 });
    expect(locked).toBe(false);
    expect(electron.openWindows()).toEqual([]);
  });

  it('keeps both a settings change in flight and the window size saved as the window closes', async () => {
    app = await startApp();
    const { electron, window, dataDir } = app;
    const atExit = snapshotAtExit(electron, dataDir);
    window.setBounds({ width: 960, height: 720 });
    const saves = [21, 22, 23].map((fontSize) => invoke(electron, window, 'setSettings', { fontSize }));
    electron.app.quit();

    expect(await electron.app.exited).toBe(0);
    for (const result of await Promise.all(saves)) expect(result).toMatchObject({ ok: true });
    expect(atExit().library.settings).toMatchObject({ fontSize: 23, window: { width: 960, height: 720 } });
  });

  it('by closing the last window: the saves the page sends as it unloads are kept', async () => {
    app = await startApp();
    const { electron, window, dataDir } = app;
    const atExit = snapshotAtExit(electron, dataDir);
    let unloadSave: Promise<unknown> | undefined;
    // The page's pagehide handler flushes its debounced settings.
    window.webContents.onPageHide = () => {
      unloadSave = invoke(electron, window, 'setSettings', { fontSize: 31 });
    };
    window.close();

    expect(await electron.app.exited).toBe(0);
    await expect(unloadSave).resolves.toMatchObject({ ok: true });
    expect(atExit().library.settings.fontSize).toBe(31);
    expect(atExit().locked).toBe(false);
  });

  it('runs the sequence once when quit is asked for again meanwhile (menu, then logout)', async () => {
    app = await startApp();
    const { electron, dataDir } = app;
    const atExit = snapshotAtExit(electron, dataDir);
    const landed = await sendSaves(app, 'draft 1');
    electron.app.quit();
    electron.app.quit();
    const again = new FakeEvent();
    electron.app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(true);

    expect(await electron.app.exited).toBe(0);
    expect(await landed()).toEqual([true, true, true, true, true]);
    expect(electron.log.filter((line) => line.startsWith('exited'))).toEqual(['exited 0']);
    expect(atExit().library.articles[0]?.note).toBe('draft 1');
  });

  it('at the end of a Windows session (no before-quit there): flushes, releases the lock, quits', async () => {
    app = await startApp();
    const { electron, window, dataDir } = app;
    const atExit = snapshotAtExit(electron, dataDir);
    const landed = await sendSaves(app, 'draft 2');
    window.emit('session-end', new FakeEvent());

    expect(await electron.app.exited).toBe(0);
    expect(await landed()).toEqual([true, true, true, true, true]);
    expect(atExit().library.articles[0]?.note).toBe('draft 2');
    expect(atExit().locked).toBe(false);
  });

  it('waits a bounded time for a call that never ends (a dialog nobody answers), then quits', async () => {
    app = await startApp();
    const { electron, window, dataDir } = app;
    const atExit = snapshotAtExit(electron, dataDir);
    electron.openDialog = () => new Promise(() => undefined);
    void invoke(electron, window, 'importFromDialog', {});
    const landed = await sendSaves(app, 'draft 3');
    electron.app.quit();

    expect(await electron.app.exited).toBe(0);
    expect(await landed()).toEqual([true, true, true, true, true]);
    expect(atExit().library.articles[0]?.note).toBe('draft 3');
    expect(atExit().locked).toBe(false);
  });
});

describe('a page that fails to load', () => {
  it('shows an error, then exits with code 1 after releasing the lock', async () => {
    app = await startApp();
    const { electron, window, dataDir } = app;
    const atExit = snapshotAtExit(electron, dataDir);
    window.webContents.emit(
      'did-fail-load',
      new FakeEvent(),
      -6,
      'ERR_FILE_NOT_FOUND',
      'app://hamish/index.html',
      true,
    );

    expect(await electron.app.exited).toBe(1);
    expect(electron.errorBoxes).toHaveLength(1);
    expect(electron.errorBoxes[0]?.content).toContain(
      'app://hamish/index.html did not load: ERR_FILE_NOT_FOUND (-6)',
    );
    expect(electron.log.indexOf('error box')).toBeLessThan(electron.log.indexOf('exited 1'));
    expect(atExit().locked).toBe(false);
  });

  it('ignores a frame inside the page, and loads the app cancelled itself (ERR_ABORTED)', async () => {
    app = await startApp();
    const { electron, window } = app;
    window.webContents.emit(
      'did-fail-load',
      new FakeEvent(),
      -105,
      'ERR_NAME_NOT_RESOLVED',
      'https://x.example/',
      false,
    );
    window.webContents.emit(
      'did-fail-load',
      new FakeEvent(),
      -3,
      'ERR_ABORTED',
      'https://evil.example/',
      true,
    );
    // A failure would be reported at once (the error box is shown from the event handler itself).
    expect(electron.errorBoxes).toEqual([]);
    expect(electron.app.exitCode).toBeNull();
    await vi.waitFor(() => expect(electron.openWindows()).toHaveLength(1));
  });
});
