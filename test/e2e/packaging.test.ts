import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';

/**
 * Packs a `linux dir` build around a stub Electron binary (the real one cannot be downloaded here, see
 * TOOLCHAIN.md) and checks what went into app.asar and that the fuses were flipped as configured.
 */

const run = promisify(execFile);
// @electron/fuses looks for this sentinel, then a wire version byte, a length byte and one byte per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

let stubDir: string;
let outDir: string;
let files: string[];
let fuses: Record<string, boolean>;

beforeAll(async () => {
  stubDir = await mkdtemp(path.join(os.tmpdir(), 'hamish-electron-stub-'));
  outDir = await mkdtemp(path.join(os.tmpdir(), 'hamish-pack-'));
  const stub = path.join(stubDir, 'electron');
  const defaultWire = '10110001'; // Electron's defaults: run-as-node, node options, inspect, file privileges on
  await writeFile(
    stub,
    `#!/bin/sh\nexit 0\n${FUSE_SENTINEL}\x01${String.fromCharCode(FUSES.length)}${defaultWire}`,
  );
  await chmod(stub, 0o755);
  await run(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${stubDir}`,
      `-c.directories.output=${outDir}`,
    ],
    { cwd: ROOT, env: { ...process.env, CI: 'true' } },
  );
  const unpacked = path.join(outDir, 'linux-unpacked');
  files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) =>
    f.replaceAll('\\', '/'),
  );
  const binary = await readFile(path.join(unpacked, 'hamish'), 'latin1');
  const wire = binary.slice(binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2);
  fuses = Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === '1']));
}, 180_000);

afterAll(async () => {
  await rm(stubDir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

describe('the packaged app (linux dir, stub Electron)', () => {
  it('holds the built main, preload and renderer, and the default article', () => {
    for (const file of [
      '/out/main/main.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      '/data/article-ar.txt',
      '/package.json',
    ]) {
      expect(files).toContain(file);
    }
  });

  it('holds the runtime dependencies the main process loads', () => {
    for (const name of ['lowdb', 'zod']) expect(files).toContain(`/node_modules/${name}/package.json`);
  });

  it('leaves out sources, tests, source maps and build-time packages', () => {
    const unwanted = files.filter(
      (f) =>
        /^\/(main|renderer|test|assets|\.ci)\//.test(f) ||
        f.endsWith('.map') ||
        /^\/node_modules\/(react|react-dom|electron|vitest|vite|playwright-core|typescript|@fontsource)\//.test(
          f,
        ),
    );
    expect(unwanted).toEqual([]);
  });

  it('flips the Electron fuses: no run-as-node, no NODE_OPTIONS, no inspect, asar only', () => {
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
