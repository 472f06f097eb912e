import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { median, row, type Row } from './table';

/** Issue "Books": importing a generated book of ~300,000 words in 60 chapters, time and peak memory. */

const CHILD = path.join(import.meta.dirname, 'book-child.ts');
const TSX = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

type Sample = {
  ms: number;
  peakMB: number;
  baseMB: number;
  fileMB: number;
  chapterMB: number;
  words: number;
};

export function bookBench(): Row[] {
  const samples = [0, 1, 2].map(
    () => JSON.parse(execFileSync(TSX, [CHILD, '300000', '60'], { encoding: 'utf8' })) as Sample,
  );
  const first = samples[0];
  const label = first
    ? `import an EPUB of ${Math.round(first.words / 1000)}k words, 60 chapters (${first.chapterMB.toFixed(1)} MB of XHTML, ${first.fileMB.toFixed(1)} MB zipped)`
    : 'import an EPUB';
  return [
    row(`${label}: time`, median(samples.map((s) => s.ms)), 'ms', 2000),
    row(`${label}: peak memory of the process`, median(samples.map((s) => s.peakMB)), 'MB'),
  ];
}
