/**
 * A repeatable re-anchoring workload for `npm run bench`: a long article made from a seed article's words,
 * many highlights on it, one small edit near its start, then every highlight resolved again.
 * Timing lives here rather than in tests, which must not depend on the machine's speed.
 */

import { describeTarget, resolveAll } from '../../main/annotations/anchor';
import type { AnchorStatus } from '../../shared/annotation-model';
import { mulberry32 as random } from './random';

export type AnchorBenchOptions = { length?: number; highlights?: number; seed?: number };

export type AnchorBenchResult = {
  textLength: number;
  highlights: number;
  /** Milliseconds for resolveAll over every highlight after the edit. */
  resolveMs: number;
  statuses: Record<AnchorStatus, number>;
};

/** An article of about `length` characters: the seed's words shuffled into paragraphs of 40–120 words. */
export function syntheticArticle(seedText: string, length: number, seed = 1): string {
  const words = seedText.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) throw new RangeError('the seed text has no words');
  const next = random(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const count = 40 + Math.floor(next() * 80);
    const paragraph = Array.from({ length: count }, () => words[Math.floor(next() * words.length)]).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, length);
}

/** Builds the workload from `seedText` and times re-anchoring after a one-sentence insertion at 1%. */
export function benchResolveAll(seedText: string, options: AnchorBenchOptions = {}): AnchorBenchResult {
  const { length = 1_000_000, highlights = 1000, seed = 1 } = options;
  const text = syntheticArticle(seedText, length, seed);
  const next = random(seed + 1);
  const targets = Array.from({ length: highlights }, () => {
    const start = Math.floor(next() * (text.length - 200));
    return describeTarget(text, start, start + 20 + Math.floor(next() * 100));
  });
  const editAt = Math.floor(text.length / 100);
  // One highlight spans the edit, so the run also pays for normalising the text and a fuzzy search.
  targets[0] = describeTarget(text, editAt - 100, editAt + 100);
  const edited = `${text.slice(0, editAt)} جملة قصيرة أضيفت في التحديث الأخير. ${text.slice(editAt)}`;

  const started = performance.now();
  const results = resolveAll(edited, targets);
  const resolveMs = performance.now() - started;

  const statuses: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
  for (const result of results) statuses[result.status]++;
  return { textLength: edited.length, highlights, resolveMs, statuses };
}
