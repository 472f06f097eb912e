import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { median, row, type Row } from './table';

/** Issue "Library and import": importing a 1 MB HTML page and a 10 MB text, time and peak memory. */

const CHILD = path.join(import.meta.dirname, 'import-child.ts');
const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

type Sample = { ms: number; peakMB: number; baseMB: number; inputMB: number; blocks: number };

function sample(kind: 'html' | 'txt', bytes: number): Sample {
  return JSON.parse(execFileSync(TSX, [CHILD, kind, String(bytes)], { encoding: 'utf8' })) as Sample;
}

export function importBench(): Row[] {
  const rows: Row[] = [];
  for (const [label, kind, bytes, target] of [
    ['import a 1 MB HTML page', 'html', 1024 * 1024, 1000],
    ['import a 10 MB text', 'txt', 10 * 1024 * 1024, 1000],
  ] as const) {
    const samples = [0, 1, 2].map(() => sample(kind, bytes));
    rows.push(row(`${label}: time`, median(samples.map((s) => s.ms)), 'ms', target));
    rows.push(
      row(
        `${label}: peak memory of the process`,
        median(samples.map((s) => s.peakMB)),
        'MB',
        kind === 'txt' ? 300 : undefined,
      ),
    );
  }
  return rows;
}
