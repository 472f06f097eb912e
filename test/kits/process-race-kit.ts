import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleChild as bundleInto } from '../torture/bundle-child';

/*
 * For tests that start many real processes at the same instant: each child is a script bundled once (so that a
 * start costs a node start, not a TypeScript compile), which prints "ready", waits for "go" on its stdin, then
 * does its work. Only once every child is ready do they all get "go", so they race for real.
 */

/** What one child did. */
export type ChildRun = { code: number | null; stdout: string; stderr: string };

/**
 * Bundles `entry` (a .ts file) into a temp folder (the same bundler as the crash tests' children: jsdom stood
 * in for, packages linked); returns the script and a function that removes it.
 */
export async function bundleChild(entry: string): Promise<{ script: string; remove: () => Promise<void> }> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'hamish-race-'));
  const script = await bundleInto(work, entry);
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
