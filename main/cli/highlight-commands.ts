import { COLORS, type Color } from '../../shared/annotation-model';
import type { HighlightEntry, Inputs, Outputs } from '../api/contract';
import type { Io } from './output';

/** Wrong use of a command (exit 2); the runner prints the usage after the message. */
export class HighlightUsageError extends Error {}

export type HighlightFlags = {
  tag?: string[];
  color?: string;
  since?: string;
  until?: string;
  article?: string[];
  count?: string;
};

type Call = <M extends 'listAllHighlights' | 'reviewSet' | 'getSettings'>(
  method: M,
  input: Inputs[M],
) => Promise<Outputs[M]>;

/** Tabs and newlines inside a field would break the line-per-record format. */
function field(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

/** A colour by its key (yellow) or by the name the reader gave it in the settings, any case. */
async function colorOf(call: Call, given: string): Promise<Color> {
  const wanted = given.trim().toLocaleLowerCase();
  const names = (await call('getSettings', {})).settings.colorNames;
  const found = COLORS.find(
    (color) => color === wanted || (names[color] ?? '').trim().toLocaleLowerCase() === wanted,
  );
  if (!found) throw new HighlightUsageError(`--color ${given}: not a colour (${COLORS.join(', ')})`);
  return found;
}

function day(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new HighlightUsageError(`${flag} ${value}: a day is written YYYY-MM-DD`);
  return value;
}

/** HIGHLIGHT_ID<TAB>ARTICLE_ID<TAB>COLOR<TAB>EXACT<TAB>NOTE<TAB>STATUS per highlight (orphans say so). */
function printEntries(io: Io, entries: readonly HighlightEntry[], json: boolean): void {
  if (json) {
    const value = entries.map((h) => ({
      id: h.id,
      articleId: h.articleId,
      articleTitle: h.articleTitle,
      color: h.color,
      exact: h.target.exact,
      note: h.note,
      tags: h.tags,
      createdAt: h.createdAt,
      status: h.status,
      orphan: h.status === 'orphan',
      review: h.review,
    }));
    io.stdout(JSON.stringify(value, null, 2) + '\n');
    return;
  }
  for (const h of entries)
    io.stdout(
      `${h.id}\t${h.articleId}\t${h.color}\t${field(h.target.exact)}\t${field(h.note)}\t${h.status}\n`,
    );
}

/** `hamish highlights [--tag T] [--color C] [--since DAY] [--until DAY] [--article ID]`. */
export async function listHighlights(
  call: Call,
  flags: HighlightFlags,
  json: boolean,
  io: Io,
): Promise<number> {
  if ((flags.tag?.length ?? 0) > 1) throw new HighlightUsageError('highlights: at most one --tag');
  if ((flags.article?.length ?? 0) > 1) throw new HighlightUsageError('highlights: at most one --article');
  const { highlights, leftOut } = await call('listAllHighlights', {
    tag: flags.tag?.[0],
    color: flags.color === undefined ? undefined : await colorOf(call, flags.color),
    since: day('--since', flags.since),
    until: day('--until', flags.until),
    articleId: flags.article?.[0],
  });
  printEntries(io, highlights, json);
  if (leftOut > 0)
    io.stderr(`${leftOut} highlight(s) left out: their article is in the trash (see the app's trash)\n`);
  return 0;
}

/** `hamish review [--count N]`: today's review set, best first; it records nothing. */
export async function printReview(call: Call, flags: HighlightFlags, json: boolean, io: Io): Promise<number> {
  const size = flags.count === undefined ? undefined : Number(flags.count);
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 100))
    throw new HighlightUsageError('review: --count takes a whole number from 1 to 100');
  const set = await call('reviewSet', { size });
  printEntries(io, set.cards, json);
  return 0;
}
