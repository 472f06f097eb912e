import type { AnchorReport, ArticleView, RestoreReport } from '../api/contract';
import type { CheckedArticle, SkippedArticle } from '../api/library-health';
import type { ImportOutcome } from '../api/service';
import type { Block } from '../../shared/article-model';

/** Where the CLI writes; injected so tests run it in-process. */
export type Io = { stdout: (text: string) => void; stderr: (text: string) => void };

/** Tabs and newlines inside a field would break the line-per-record format. */
function field(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

export function printImport(io: Io, outcomes: readonly ImportOutcome[], json: boolean): void {
  if (json) {
    const value = outcomes.map((o) =>
      o.ok ? { id: o.id, title: o.title } : { file: o.file, error: o.message },
    );
    io.stdout(JSON.stringify(value, null, 2) + '\n');
    return;
  }
  for (const outcome of outcomes) {
    if (outcome.ok) io.stdout(`${outcome.id}\t${field(outcome.title)}\n`);
    else io.stderr(`${outcome.message}\n`);
  }
}

/** The list; an article whose files are damaged is listed too (`?` highlights if unknown) and named on stderr. */
export function printList(io: Io, articles: readonly CheckedArticle[], json: boolean): void {
  if (json) {
    const value = articles.map(({ id, title, highlights, tags, damaged }) =>
      damaged === undefined ? { id, title, highlights, tags } : { id, title, highlights, tags, damaged },
    );
    io.stdout(JSON.stringify(value, null, 2) + '\n');
  } else {
    for (const a of articles)
      io.stdout(`${a.id}\t${field(a.title)}\t${a.highlights ?? '?'}\t${a.tags.map(field).join(',')}\n`);
  }
  for (const a of articles)
    if (a.damaged !== undefined) io.stderr(`hamish: ${a.id} «${field(a.title)}» is damaged: ${a.damaged}\n`);
}

/** A line on stderr per article a search or an export had to leave out because its files are damaged. */
export function printSkipped(io: Io, skipped: readonly SkippedArticle[]): void {
  for (const a of skipped) io.stderr(`hamish: ${a.id} «${field(a.title)}» was left out: ${a.reason}\n`);
}

/**
 * A block as `show --json` prints it: kind and text (offsets count in the canonical text), then what the kind
 * adds — a heading's level, a list item's numbering and depth, a figure's stored image (or why it is missing),
 * a table's rows of cell spans.
 */
function showBlock(block: Block): Record<string, unknown> {
  const { kind, text, level, ordered, number, depth, image, missing, rows } = block;
  return { kind, text, level, ordered, number, depth, image, missing, rows };
}

/** A block as plain `show` prints it, Markdown-like. */
function blockLine(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return '#'.repeat(block.level ?? 2) + ' ' + block.text;
    case 'quote':
      return '> ' + block.text;
    case 'listItem':
      return '  '.repeat(block.depth ?? 0) + (block.ordered ? `${block.number ?? 1}. ` : '- ') + block.text;
    case 'figure': {
      const picture = block.image
        ? `[image assets/${block.image.asset} ${block.image.width}×${block.image.height}]`
        : `[image not kept (${block.missing?.reason ?? 'not-found'}): ${block.missing?.src ?? ''}]`;
      return block.text === '' ? picture : `${picture}\n${block.text}`;
    }
    case 'code':
      return '```\n' + block.text + '\n```';
    case 'rule':
      return '* * *'; // not '---', which starts the list of highlights
    default:
      return block.text;
  }
}

export function printShow(io: Io, article: ArticleView, json: boolean): void {
  const highlights = article.highlights.map((h) => ({
    id: h.id,
    start: h.start,
    end: h.end,
    exact: h.target.exact,
    color: h.color,
    note: h.note,
    tags: h.tags,
    status: h.status,
  }));
  if (json) {
    const value = {
      id: article.id,
      title: article.title,
      lang: article.lang,
      dir: article.dir,
      ...(article.source && { source: article.source }),
      blocks: article.blocks.map(showBlock),
      ...(article.toc ? { toc: article.toc } : {}),
      highlights,
    };
    io.stdout(JSON.stringify(value, null, 2) + '\n');
    return;
  }
  for (const block of article.blocks) io.stdout(`${blockLine(block)}\n\n`);
  if (highlights.length > 0) {
    io.stdout('---\n');
    for (const h of highlights) {
      io.stdout(
        `${h.id}\t${h.status}\t${h.start}\t${h.end}\t${h.color}\t${field(h.exact)}\t${field(h.note)}\t${h.tags.join(',')}\n`,
      );
    }
  }
}

export function printUpdate(io: Io, reports: readonly AnchorReport[], json: boolean): void {
  if (json) {
    io.stdout(JSON.stringify(reports, null, 2) + '\n');
    return;
  }
  for (const report of reports) io.stdout(`${report.id}\t${report.status}\n`);
}

export function printRestore(io: Io, report: RestoreReport, json: boolean): void {
  if (json) {
    io.stdout(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  io.stdout(`added ${report.added}, identical ${report.identical}, conflicts ${report.conflicts.length}\n`);
  for (const conflict of report.conflicts)
    io.stdout(`conflict\t${conflict.id}\t${field(conflict.article)}\t${conflict.reason}\n`);
}

export type SearchLine = { articleId: string; kind: string; start: number; end: number; snippet: string };

export function printSearch(io: Io, hits: readonly SearchLine[], json: boolean): void {
  if (json) {
    io.stdout(JSON.stringify(hits, null, 2) + '\n');
    return;
  }
  for (const h of hits) io.stdout(`${h.articleId}\t${h.kind}\t${h.start}\t${h.end}\t${field(h.snippet)}\n`);
}
