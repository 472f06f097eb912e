import path from 'node:path';
import { runCli } from '../../main/cli/run';

/** The default article, for CLI tests. */
export const SEED = path.resolve(import.meta.dirname, '../../data/article-ar.txt');

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs `hamish --data-dir DIR ARGV…` in-process, capturing what it prints; for tests. */
export async function runHamish(dataDir: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    ['--data-dir', dataDir, ...argv],
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    { env: {} },
  );
  return { code, stdout, stderr };
}
