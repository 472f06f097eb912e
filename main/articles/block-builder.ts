/**
 * Shared by the Markdown and HTML importers: text and marks are appended as a tree is walked, and each
 * finished block gets its white space collapsed with the marks' offsets carried along.
 */
import type { Block, BlockKind, Mark, MarkKind } from '../../shared/article-model';

// Only links the system browser can open safely: no javascript:, file:, data:, vbscript: or app-internal
// schemes, and no relative links, which have no base in an offline copy.
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalised href when `raw` (resolved against `base`, if any) is an http(s) or mailto URL, otherwise
 * null, and the link's text is kept as plain text.
 */
export function safeHref(raw: string, base?: string): string | null {
  // The URL parser also strips the tabs, newlines and control characters that hide "java\tscript:".
  if (!URL.canParse(raw.trim(), base)) return null;
  const url = new URL(raw.trim(), base);
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

type OpenMark = { kind: MarkKind; href?: string; start: number };

// Runs of ASCII white space and control characters. White space collapses to one space, as HTML does
// (NBSP and the other Unicode spaces are text and stay); controls are invisible and dropped, as the
// text importer drops them.
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose of this pattern
const SKIPPED_RUN = /[\u0000-\u0020\u007F]+/g;
const SPACE = /[\t\n\f\r ]/;

/** Collapses white space, trims, drops controls, and maps the marks' ranges into the new text. */
function collapse(raw: string, marks: readonly Mark[]): { text: string; marks: Mark[] } {
  // Copied slices keep their offsets; a position inside a skipped run maps, as a start, to the next
  // kept character and, as an end, to just after the previous one, so no mark begins or ends in a space.
  const positions = [...new Set(marks.flatMap((mark) => [mark.start, mark.end]))].sort((a, b) => a - b);
  const startAt = new Map<number, number>();
  const endAt = new Map<number, number>();
  const waiting: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let pendingSpace = false;
  let next = 0;
  let from = 0;
  const atBoundary = (until: number): void => {
    for (; next < positions.length && (positions[next] ?? 0) <= until; next += 1) {
      endAt.set(positions[next] ?? 0, length);
      waiting.push(positions[next] ?? 0);
    }
  };
  SKIPPED_RUN.lastIndex = 0;
  for (;;) {
    const run = SKIPPED_RUN.exec(raw);
    const runStart = run === null ? raw.length : run.index;
    atBoundary(from);
    if (runStart > from) {
      if (pendingSpace && length > 0) {
        parts.push(' ');
        length += 1;
      }
      pendingSpace = false;
      for (const position of waiting) startAt.set(position, length);
      waiting.length = 0;
      for (; next < positions.length && (positions[next] ?? 0) < runStart; next += 1) {
        const position = positions[next] ?? 0;
        startAt.set(position, length + position - from);
        endAt.set(position, length + position - from);
      }
      parts.push(raw.slice(from, runStart));
      length += runStart - from;
    }
    if (run === null) break;
    from = runStart + run[0].length;
    atBoundary(from - 1);
    if (SPACE.test(run[0])) pendingSpace = true;
  }
  atBoundary(raw.length);
  for (const position of waiting) startAt.set(position, length);

  const mapped = marks
    .map((mark) => ({ ...mark, start: startAt.get(mark.start) ?? 0, end: endAt.get(mark.end) ?? 0 }))
    .filter((mark) => mark.start < mark.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return { text: parts.join(''), marks: mapped };
}

/** Accumulates one block's text and marks at a time; finished blocks are in `blocks`. */
export class BlockBuilder {
  readonly blocks: Block[] = [];
  private raw = '';
  private marks: Mark[] = [];
  private readonly open: OpenMark[] = [];

  append(text: string): void {
    this.raw += text;
  }

  /** Starts a mark at the current position; marks nest, so `closeMark` ends the latest one. */
  openMark(kind: MarkKind, href?: string): void {
    this.open.push(
      href === undefined ? { kind, start: this.raw.length } : { kind, href, start: this.raw.length },
    );
  }

  closeMark(): void {
    const mark = this.open.pop();
    if (mark !== undefined) this.marks.push({ ...mark, end: this.raw.length });
  }

  /**
   * Ends the current block as `kind` and returns it, or null when it has no visible text. Marks still
   * open continue into the next block: a line break inside <strong> leaves both lines strong.
   */
  endBlock(kind: BlockKind, level?: number): Block | null {
    const ending = [...this.marks, ...this.open.map((mark) => ({ ...mark, end: this.raw.length }))];
    const { text, marks } = collapse(this.raw, ending);
    this.raw = '';
    this.marks = [];
    for (const mark of this.open) mark.start = 0;
    if (text === '') return null;
    const block: Block = kind === 'heading' ? { kind, level: level ?? 2, text } : { kind, text };
    if (marks.length > 0) block.marks = marks;
    this.blocks.push(block);
    return block;
  }
}
