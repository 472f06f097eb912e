import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FakeElectron, ROOT } from './fake-electron';

/**
 * Loads the BUILT main process (out/main/main.js, what Electron runs) with the recording stand-in for
 * `electron`, through Node's own ES module loader (not vitest's transform), once per simulated launch.
 */

export const MAIN = path.join(ROOT, 'out', 'main', 'main.js');

const standIns: Map<string, FakeElectron> = ((
  globalThis as { __hamishElectronStandIns?: Map<string, FakeElectron> }
).__hamishElectronStandIns ??= new Map());

let hooked = false;
let runs = 0;

const nativeImport = createRequire(import.meta.url)('./native-import.cjs') as (
  url: string,
) => Promise<unknown>;

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const stale = () => !existsSync(MAIN) || statSync(MAIN).mtimeMs < newestSource(path.join(ROOT, 'main'));

/**
 * `npm test` builds before running vitest; a test file run on its own builds the app if out/ is missing or
 * older than main/ (one test file at a time: a lock folder keeps parallel files from building together).
 */
export async function ensureBuilt(): Promise<void> {
  if (!stale()) return;
  const lock = path.join(os.tmpdir(), `hamish-shell-build-${Buffer.from(ROOT).toString('hex').slice(-24)}`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a test run that was killed while building.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 120_000) rmdirSync(lock);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (stale())
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
        {
          cwd: ROOT,
          stdio: 'pipe',
        },
      );
  } finally {
    rmdirSync(lock);
  }
}

export type Launch = {
  /** Command-line arguments after the app's path, as in `electron . --data-dir DIR`. */
  args?: string[];
  /** Electron's default userData folder for this app. */
  userData: string;
  env?: Record<string, string | undefined>;
};

/** Starts a simulated Electron process running the built main process; returns its stand-in. */
export async function loadMain(launch: Launch): Promise<FakeElectron> {
  await ensureBuilt();
  if (!hooked) {
    register(pathToFileURL(path.join(import.meta.dirname, 'electron-hooks.mjs')));
    hooked = true;
  }
  const electron = new FakeElectron({ userData: launch.userData });
  const run = `${process.pid}-${++runs}`;
  standIns.set(run, electron);
  // The main process reads its arguments and environment while it loads.
  const argv = process.argv;
  const env = process.env;
  process.argv = [process.execPath, ROOT, ...(launch.args ?? [])];
  process.env = { ...env, HAMISH_DATA_DIR: undefined, ELECTRON_RENDERER_URL: undefined, ...launch.env };
  try {
    await nativeImport(`${pathToFileURL(MAIN).href}?run=${run}`);
  } finally {
    process.argv = argv;
    process.env = env;
  }
  return electron;
}
