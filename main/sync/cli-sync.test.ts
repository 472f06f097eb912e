import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runHamish } from '../../test/kits/cli-kit';
import { checkDataDir } from '../store';
import { bundleChild } from '../../test/kits/process-race-kit';
import {
  highlight,
  importText,
  newComputer,
  removeComputers,
  reopen,
  snapshot,
  type Computer,
  HOUSE,
} from '../../test/kits/sync-kit';
import { startCouchServer, type CouchServer } from '../../test/kits/couch-server';

// Real processes and several syncs per test.
vi.setConfig({ testTimeout: 60_000 });

let server: CouchServer;
let child: { script: string; remove: () => Promise<void> };
let database = 0;

beforeAll(async () => {
  server = await startCouchServer({ username: 'reader', password: 'secret' });
  child = await bundleChild(path.join(import.meta.dirname, '../../test/kits/sync-child.ts'));
}, 60_000);
afterAll(async () => {
  await server.stop();
  await child.remove();
});
afterEach(async () => {
  server.onRequest = null;
  await removeComputers();
});

const newDatabase = () => server.url(`cli-${(database += 1)}`).replace('http://', 'http://reader:secret@');

async function filled(name: string, articles: number): Promise<Computer> {
  const computer = await newComputer(name);
  for (let n = 0; n < articles; n++) {
    const id = await importText(computer, `house-${n}`, `${HOUSE}\n\n${name} ${n}`);
    await highlight(computer, id, 'البيت القديم', `${name} ${n}`);
    await highlight(computer, id, 'نوافذه');
  }
  return computer;
}

describe('hamish sync', () => {
  it('prints what was sent, received and left in conflict, and remembers the address without its password', async () => {
    const laptop = await filled('laptop', 2);
    const url = newDatabase();
    const first = await runHamish(laptop.dir, 'sync', '--remote', url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^sent\t\d+\nreceived\t0\nconflicts\t0\n$/);
    const config = await readFile(path.join(laptop.dir, 'sync', 'config.json'), 'utf8');
    expect(config).toContain(url.replace('reader:secret@', ''));
    expect(config).not.toContain('secret');

    const desktop = await newComputer('desktop');
    const json = await runHamish(desktop.dir, '--json', 'sync', '--remote', url);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { sent: number; received: number; conflicts: unknown[] };
    expect(report.received).toBeGreaterThan(0);
    expect(report.conflicts).toEqual([]);
    expect(await snapshot(await reopen(desktop))).toEqual(await snapshot(laptop));
  });

  it('without an address the first time, says how to give one (exit 1)', async () => {
    const laptop = await newComputer('laptop');
    const run = await runHamish(laptop.dir, 'sync');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not set up');
  });

  it('takes the password from HAMISH_SYNC_PASSWORD when the address has none', async () => {
    const laptop = await filled('laptop', 1);
    const url = newDatabase().replace('reader:secret@', 'reader@');
    const refused = await runHamish(laptop.dir, 'sync', '--remote', url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refused the user name or password');
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const process_ = spawn(process.execPath, [child.script, '--data-dir', laptop.dir, 'sync'], {
        env: { ...process.env, HAMISH_SYNC_PASSWORD: 'secret' },
      });
      let stderr = '';
      process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      process_.on('close', (code) => resolve({ code, stderr }));
    });
    expect(run).toEqual({ code: 0, stderr: '' });
  });
});

describe('hamish sync with HAMISH_SYNC_PASSPHRASE', () => {
  it('seals what the server keeps, and another computer with the passphrase reads it', async () => {
    const laptop = await filled('laptop', 1);
    const url = newDatabase();
    const sealed = async (dir: string, passphrase = 'عبارة المرور') =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const syncing = spawn(process.execPath, [child.script, '--data-dir', dir, 'sync', '--remote', url], {
          env: { ...process.env, HAMISH_SYNC_PASSPHRASE: passphrase },
        });
        let stderr = '';
        syncing.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        syncing.on('close', (code) => resolve({ code, stderr }));
      });
    expect(await sealed(laptop.dir)).toEqual({ code: 0, stderr: '' });
    const desktop = await newComputer('desktop');
    const without = await runHamish(desktop.dir, 'sync', '--remote', url);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('is encrypted');
    const wrong = await sealed(desktop.dir, 'عبارة أخرى');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('passphrase does not open');
    expect(wrong.stderr).not.toMatch(/password/);
    expect(await sealed(desktop.dir)).toEqual({ code: 0, stderr: '' });
    expect(await snapshot(await reopen(desktop))).toEqual(await snapshot(laptop));
    const config = await readFile(path.join(desktop.dir, 'sync', 'config.json'), 'utf8');
    expect(config).not.toContain('عبارة');
  });
});

describe('kill -9 of a syncing process', () => {
  for (const cut of [3, 8, 14, 25]) {
    it(`leaves a whole library that the next sync completes (killed at request ${cut})`, async () => {
      const url = newDatabase();
      const laptop = await filled('laptop', 3);
      await laptop.service.configureSync({ url });
      await laptop.service.syncNow({});
      const desktop = await filled('desktop', 3);

      const syncing = spawn(process.execPath, [
        child.script,
        '--data-dir',
        desktop.dir,
        'sync',
        '--remote',
        url,
      ]);
      const start = server.requests();
      let killed = false;
      server.onRequest = (count) => {
        if (count - start >= cut && !killed) killed = syncing.kill('SIGKILL');
      };
      const code = await new Promise<number | null>((resolve) => syncing.on('close', resolve));
      server.onRequest = null;
      // Either it was killed in the middle, or it finished before the cut: both must leave a whole library.
      expect(killed || code === 0).toBe(true);
      expect(await checkDataDir(desktop.dir)).toEqual([]);

      const again = await reopen(desktop);
      await again.service.configureSync({ url });
      await again.service.syncNow({});
      await laptop.service.syncNow({});
      const both = await snapshot(laptop);
      expect(both).toHaveLength(6);
      expect(both.flatMap((article) => article.highlights)).toHaveLength(12);
      expect(await snapshot(again)).toEqual(both);
    });
  }
});
