import type { ReactNode } from 'react';
import type { Block, Mark } from '../../../shared/article-model';
import { ltrRuns, type Run } from './bidi-runs';
import type { DisplayText } from './display-text';
import { FigureView } from './FigureView';
import { followInArticleLink } from './in-article-link';
import { NoteRef } from './NoteRef';
import { TableView } from './TableView';

// Links may only leave for the web or mail (the shell asks before opening them); never javascript: or file:.
const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Text from `from` to `to`, with the left-to-right runs inside it isolated (`<bdi dir="ltr">`) so that
 * Latin words, handles and URLs never reorder the Arabic around them. Isolation adds elements but no
 * characters, so offsets counted over text nodes stay those of the text.
 */
function isolated(text: string, from: number, to: number, runs: readonly Run[], key: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let at = from;
  for (const run of runs) {
    if (run.end <= at || run.start >= to) continue;
    const start = Math.max(run.start, at);
    const end = Math.min(run.end, to);
    if (start > at) nodes.push(text.slice(at, start));
    nodes.push(
      <bdi key={`${key}-${start}`} dir="ltr">
        {text.slice(start, end)}
      </bdi>,
    );
    at = end;
  }
  if (at < to) nodes.push(text.slice(at, to));
  return nodes;
}

/**
 * Splits the text from `from` to `to` at its marks into React nodes (marks cut to that span); text is always
 * text, never HTML.
 */
function renderMarks(
  text: string,
  marks: readonly Mark[],
  runs: readonly Run[],
  from = 0,
  to = text.length,
): ReactNode[] {
  const sorted = marks
    .filter((m) => m.start < m.end && m.end <= text.length)
    .map((m) => ({ ...m, start: Math.max(m.start, from), end: Math.min(m.end, to) }))
    .filter((m) => m.start < m.end)
    .sort((a, b) => a.start - b.start);
  const nodes: ReactNode[] = [];
  let at = from;
  sorted.forEach((mark, index) => {
    if (mark.start < at) return; // overlapping marks: the first wins, text is never duplicated
    nodes.push(...isolated(text, at, mark.start, runs, `t${index}`));
    const inner = isolated(text, mark.start, mark.end, runs, `m${index}`);
    if (mark.kind === 'em') nodes.push(<em key={index}>{inner}</em>);
    else if (mark.kind === 'strong') nodes.push(<strong key={index}>{inner}</strong>);
    else if (mark.note !== undefined) {
      nodes.push(
        <NoteRef key={index} note={mark.note}>
          {inner}
        </NoteRef>,
      );
    } else if (mark.href?.startsWith('#')) {
      nodes.push(
        <a key={index} href={mark.href} className="in-article-link" onClick={followInArticleLink}>
          {inner}
        </a>,
      );
    } else if (mark.href && SAFE_LINK.test(mark.href)) {
      nodes.push(
        <a key={index} href={mark.href} rel="noreferrer noopener" target="_blank">
          {inner}
        </a>,
      );
    } else nodes.push(...inner);
    at = mark.end;
  });
  nodes.push(...isolated(text, at, to, runs, 'end'));
  return nodes;
}

type Props = {
  block: Block;
  index: number;
  /** The text as shown when vowel marks are hidden; absent when the stored text is shown as it is. */
  display?: DisplayText;
  /** Isolate left-to-right runs (in a right-to-left block). */
  isolate?: boolean;
};

/** One block of an article, marked with its index so selections map back to canonical offsets. */
export function BlockView({ block, index, display, isolate = false }: Props) {
  const text = display?.text ?? block.text;
  const toShown = display
    ? (offset: number) => display.toShown[offset] ?? text.length
    : (offset: number) => offset;
  const marks = (block.marks ?? []).map((mark) => ({
    ...mark,
    start: toShown(mark.start),
    end: toShown(mark.end),
  }));
  const runs = isolate && block.dir !== 'ltr' && block.kind !== 'code' ? ltrRuns(text) : [];
  const props = {
    'data-block': index,
    dir: block.dir,
    'data-anchors': block.anchors?.join(' '),
  } as const;
  const content = marks.length === 0 && runs.length === 0 ? text : renderMarks(text, marks, runs);
  switch (block.kind) {
    case 'figure':
      return <FigureView block={block} caption={content} attributes={props} />;
    case 'table':
      return (
        <TableView
          block={block}
          attributes={props}
          toShown={toShown}
          cell={(start, end) => renderMarks(text, marks, runs, start, end)}
        />
      );
    case 'code':
      // Code reads left to right, isolated from the article's direction, with its lines as written.
      return (
        <pre {...props} dir="ltr" className="code">
          <code>{text}</code>
        </pre>
      );
    case 'rule':
      return <hr {...props} />;
    case 'heading': {
      // The article title is the page's h1; section headings follow the hierarchy below it.
      const level = Math.min(6, Math.max(1, block.level ?? 2));
      const Tag = `h${level}` as 'h1';
      return (
        <Tag {...props} className={level === 1 ? 'article-title' : undefined}>
          {content}
        </Tag>
      );
    }
    case 'quote':
      return <blockquote {...props}>{content}</blockquote>;
    case 'listItem':
      return (
        <p
          {...props}
          className="list-item"
          data-depth={block.depth ? Math.min(block.depth, 6) : undefined}
          data-number={block.ordered ? (block.number ?? 1) : undefined}
        >
          {content}
        </p>
      );
    default:
      // A date line, byline or attribution the importer recognised: small and quiet, still highlightable.
      return block.secondary ? (
        <p {...props} className="secondary" data-secondary={block.secondary}>
          {content}
        </p>
      ) : (
        <p {...props}>{content}</p>
      );
  }
}
