import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { median, row, type Row } from './table';

/**
 * Importing a 1 MB HTML page and a 10 MB text, time and peak memory; and 10 MB of Markdown built to be
 * slow to read (refused or imported, within seconds).
 */

const CHILD = path.join(import.meta.dirname, 'import-child.ts');
const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

type Sample = {
  ms: number;
  peakMB: number;
  baseMB: number;
  inputMB: number;
  blocks?: number;
  refused?: string;
};

function sample(kind: 'html' | 'txt' | 'md-nested' | 'md-brackets', bytes: number): Sample {
  return JSON.parse(execFileSync(TSX, [CHILD, kind, String(bytes)], { encoding: 'utf8' })) as Sample;
}

export function importBench(): Row[] {
  const rows: Row[] = [];
  for (const [label, kind, bytes, target] of [
    ['import a 1 MB HTML page', 'html', 1024 * 1024, 1000],
    ['import a 10 MB text', 'txt', 10 * 1024 * 1024, 1000],
    ['refuse a 10 MB Markdown list nested by indentation', 'md-nested', 10 * 1024 * 1024, 5000],
    ['import 10 MB of Markdown "[" runs and unclosed "[a]("', 'md-brackets', 10 * 1024 * 1024, 5000],
  ] as const) {
    const samples = [0, 1, 2].map(() => sample(kind, bytes));
    // A figure for the wrong outcome would mislead: the nested list must be refused, the rest imported.
    for (const { refused } of samples) {
      if ((kind === 'md-nested') !== (refused !== undefined))
        throw new Error(`${label}: ${refused === undefined ? 'imported' : `refused (${refused})`}`);
    }
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
