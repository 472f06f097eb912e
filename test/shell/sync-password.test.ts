import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startCouchServer } from '../kits/couch-server';
import { invoke, removeFolders, startApp, stopApp } from './app-session';
import type { FakeElectron } from './fake-electron';

let electron: FakeElectron | undefined;

afterEach(async () => {
  await stopApp(electron);
  electron = undefined;
  await removeFolders();
});

it('keeps the sync password only as the key store sealed it, and syncs with it after a restart', async () => {
  const server = await startCouchServer({ username: 'reader', password: 'سر-المكتبة' });
  try {
    const first = await startApp();
    electron = first.electron;
    const url = server.url('shell');
    const configured = await invoke(first.electron, first.window, 'configureSync', {
      url,
      username: 'reader',
      password: 'سر-المكتبة',
      auto: false,
    });
    expect(configured).toMatchObject({ ok: true, value: { hasPassword: true, url } });
    const kept = await readFile(path.join(first.dataDir, 'sync', 'config.json'), 'utf8');
    expect(kept).not.toContain('سر-المكتبة');
    expect(kept).toContain(Buffer.from('sealed:').toString('base64').slice(0, 8));
    await stopApp(first.electron);

    const second = await startApp({ dataDir: first.dataDir, userData: first.userData });
    electron = second.electron;
    const synced = await invoke(second.electron, second.window, 'syncNow', {});
    expect(synced).toMatchObject({ ok: true, value: { conflicts: [] } });
    expect((synced as { value: { sent: number } }).value.sent).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }
}, 60_000);
