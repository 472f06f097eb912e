import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const installed = existsSync(path.join(ROOT, 'node_modules', 'electron', 'path.txt'));

/** A 127.0.0.1 port nothing listens on: taken from the system, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function start(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts', 'start.mjs')],
      { cwd: ROOT, env, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(installed)('npm start where Electron cannot be downloaded', () => {
  let cache: string;
  let outcome: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    // An empty download cache and a mirror that refuses connections: the download fails at once, offline.
    cache = await mkdtemp(path.join(os.tmpdir(), 'hamish-electron-cache-'));
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    // Every place @electron/get reads a mirror from points at it (an .npmrc mirror must not be tried).
    outcome = await start({
      ...process.env,
      ELECTRON_MIRROR: mirror,
      npm_config_electron_mirror: mirror,
      NPM_CONFIG_ELECTRON_MIRROR: mirror,
      npm_package_config_electron_mirror: mirror,
      ELECTRON_GET_USE_PROXY: '',
      electron_config_cache: cache,
    });
  });

  afterAll(async () => {
    await rm(cache, { recursive: true, force: true });
  });

  it('exits non-zero', () => {
    expect(outcome.code).toBe(1);
  });

  it('says what failed, where Electron comes from, how to use a mirror or a proxy, and how to retry', () => {
    const text = outcome.stderr.replace(/\s+/g, ' ');
    expect(text).toMatch(
      /Hamish cannot start: Electron [\d.]+, .* downloading it from the mirror http:\/\/127\.0\.0\.1:\d+\/ failed \(fetch failed\)/,
    );
    expect(text).toContain('downloads Electron (about 100 MB) from GitHub');
    expect(text).toContain('ELECTRON_MIRROR=');
    expect(text).toContain('HTTPS_PROXY');
    expect(text).toContain('run `npm start` again');
  });

  it('prints no JavaScript stack trace', () => {
    expect(outcome.stderr).not.toMatch(/^\s+at /m);
    expect(outcome.stderr).not.toMatch(/TypeError|node:internal|file:\/\//);
  });
});
