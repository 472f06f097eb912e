/**
 * Keeping a reader's note inside its place in an exported Markdown file. A note is Markdown, and two
 * CommonMark constructs in it could reach past its end and hide the rest of the export: a code fence left
 * open, and raw HTML — every HTML block start condition (CommonMark §4.6: `<script>`, `<!--`, `<?`, `<!X`,
 * `<![CDATA[`, `<div>`…, a lone tag) runs to a closing marker the note may never write. Raw HTML is also
 * what a viewer would render as live markup, so none is kept: its `<` gets a backslash and shows as text.
 *
 * The note is parsed with a CommonMark parser, which knows exactly what is HTML and what is code, and the
 * result is checked the same way: a paragraph written after the note must still be a paragraph of its
 * own. Whatever fails that check, or is too long to parse cheaply, is written as escaped plain text.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';

type Root = ReturnType<typeof fromMarkdown>;
/** Any node of the tree (the parser's own node types, without depending on their types package). */
type TreeNode = Root | Root['children'][number];

// The parser's known worst cases (long runs of nested brackets or lists) grow faster than linearly; a
// longer note skips it and is written as plain text. Real notes are far shorter.
export const MAX_PARSED_NOTE = 10_000;
// Each pass escapes at least one more `<`, so the loop ends; a handful of passes covers any real note.
const MAX_PASSES = 4;
const SENTINEL = 'hamishendofnote';

function htmlRanges(tree: TreeNode, into: [number, number][] = []): [number, number][] {
  if (tree.type === 'html') {
    const start = tree.position?.start.offset;
    const end = tree.position?.end.offset;
    if (start !== undefined && end !== undefined) into.push([start, end]);
  }
  if ('children' in tree) for (const child of tree.children) htmlRanges(child, into);
  return into;
}

/** Gives every `<` inside the given ranges a backslash, so it is text and not a tag. */
function escapeInRanges(text: string, ranges: readonly [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += text.slice(at, start) + text.slice(start, end).replace(/</g, '\\<');
    at = end;
  }
  return out + text.slice(at);
}

function endsWithSentinel(tree: Root): boolean {
  const last = tree.children.at(-1);
  return (
    last?.type === 'paragraph' &&
    last.children.length === 1 &&
    last.children[0]?.type === 'text' &&
    last.children[0].value === SENTINEL
  );
}

/**
 * The note's Markdown with every piece of raw HTML turned into text, provided that then nothing in it
 * reaches past its end (a paragraph written after it is still a paragraph of its own); null otherwise.
 */
export function containedMarkdown(markdown: string): string | null {
  let text = markdown;
  for (let pass = 0; pass <= MAX_PASSES; pass++) {
    const tree = fromMarkdown(`${text}\n\n${SENTINEL}\n`);
    const ranges = htmlRanges(tree);
    if (ranges.length === 0) return endsWithSentinel(tree) ? text : null;
    text = escapeInRanges(text, ranges);
  }
  return null;
}

// CommonMark autolinks (§6.5): `<scheme:…>` and `<address@host>`; they are links, not HTML, and stay.
const AUTOLINK =
  /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;

/**
 * A first, cheap pass over one line outside fenced code: every `<` gets a backslash unless it opens an
 * autolink or sits in a code span closed on the same line. Most notes then need one parse (the check in
 * containedMarkdown), not two; whatever this pass misjudges, that parse still finds.
 */
export function escapeLooseAngles(line: string): string {
  let out = '';
  let at = 0;
  while (at < line.length) {
    const char = line[at] ?? '';
    if (char === '\\') {
      out += line.slice(at, at + 2);
      at += 2;
    } else if (char === '`') {
      let run = at;
      while (line[run] === '`') run++;
      const fence = line.slice(at, run);
      const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(line.slice(run));
      const end = close ? run + close.index + fence.length : run;
      out += line.slice(at, end);
      at = end;
    } else if (char === '<') {
      const link = AUTOLINK.exec(line.slice(at))?.[0];
      out += link ?? '\\<';
      at += link?.length ?? 1;
    } else {
      out += char;
      at++;
    }
  }
  return out;
}

/** Whether a note can hold raw HTML or a code fence at all; a note without either needs no parse. */
export function mayBreakOut(note: string): boolean {
  return /<|```|~~~/.test(note);
}
