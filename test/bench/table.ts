/** Timing helpers and a plain table for `npm run bench`. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Runs `fn` `runs` times after one warm-up and returns the median in milliseconds. */
export async function timeMedian(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export type Row = { measure: string; value: string; target: string; verdict: string };

export function row(measure: string, value: number, unit: string, target?: number): Row {
  const shown =
    unit === 'KB' || unit === 'MB' ? value.toFixed(1) : value < 10 ? value.toFixed(2) : value.toFixed(0);
  return {
    measure,
    value: `${shown} ${unit}`,
    target: target === undefined ? '' : `< ${target} ${unit}`,
    verdict: target === undefined ? '' : value < target ? 'ok' : 'MISSED',
  };
}

export function printTable(title: string, rows: readonly Row[]): void {
  const headers: Row = { measure: 'measure', value: 'median', target: 'target', verdict: '' };
  const all = [headers, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const line = (r: Row) =>
    `| ${r.measure.padEnd(width('measure'))} | ${r.value.padStart(width('value'))} | ${r.target.padEnd(width('target'))} | ${r.verdict.padEnd(width('verdict'))} |`;
  console.log(`\n${title}\n`);
  console.log(line(headers));
  console.log(
    `|${['measure', 'value', 'target', 'verdict'].map((k) => '-'.repeat(width(k as keyof Row) + 2)).join('|')}|`,
  );
  for (const r of rows) console.log(line(r));
}
