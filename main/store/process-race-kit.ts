import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

/*
 * For tests that start many real processes at the same instant: each child is a script bundled once (so that a
 * start costs a node start, not a TypeScript compile), which prints "ready", waits for "go" on its stdin, then
 * does its work. Only once every child is ready do they all get "go", so they race for real.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What one child did. */
export type ChildRun = { code: number | null; stdout: string; stderr: string };

// The children import no HTML, and loading jsdom would cost most of each start: it is replaced by a stand-in.
const withoutJsdom: Plugin = {
  name: 'without-jsdom',
  setup(build) {
    build.onResolve({ filter: /^jsdom$/ }, () => ({ path: 'jsdom', namespace: 'stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({
      contents: `const refuse = () => { throw new Error('jsdom is not loaded in this test child'); };
        export class JSDOM { constructor() { refuse(); } }
        export class VirtualConsole { constructor() { refuse(); } }`,
      loader: 'js',
    }));
  },
};

/** Bundles `entry` (a .ts file) into a temp folder; returns the script and a function that removes it. */
export async function bundleChild(entry: string): Promise<{ script: string; remove: () => Promise<void> }> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hamish-race-'));
  await symlink(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  const script = path.join(work, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    plugins: [withoutJsdom],
  });
  return { script, remove: () => rm(work, { recursive: true, force: true }) };
}

/** Starts one child per argument list, releases them all at once, and resolves to what each did. */
export async function raceChildren(script: string, argLists: readonly string[][]): Promise<ChildRun[]> {
  const children = argLists.map((args) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.startsWith('ready\n')) resolve();
      });
      child.on('error', reject);
      child.on('close', () => reject(new Error(`a child ended before it was ready: ${stderr}`)));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const done = new Promise<ChildRun>((resolve) => {
      child.on('close', (code) => resolve({ code, stdout: stdout.slice('ready\n'.length), stderr }));
    });
    return { child, ready, done };
  });
  await Promise.all(children.map(({ ready }) => ready));
  for (const { child } of children) child.stdin.end('go\n');
  return Promise.all(children.map(({ done }) => done));
}

/** In a child: says it is ready, and resolves when the parent says go. */
export function waitForGo(): Promise<void> {
  process.stdout.write('ready\n');
  return new Promise((resolve) => {
    process.stdin.once('data', () => resolve());
    process.stdin.resume();
  });
}
