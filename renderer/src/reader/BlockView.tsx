import type { ReactNode } from 'react';
import type { Block, Mark } from '../../../main/articles/model';

// Links may only leave for the web or mail (the shell asks before opening them); never javascript: or file:.
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Splits a block's text at its marks into React nodes; text is always text, never HTML. */
function renderMarks(text: string, marks: readonly Mark[] | undefined): ReactNode {
  if (!marks || marks.length === 0) return text;
  const sorted = [...marks]
    .filter((m) => m.start < m.end && m.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const nodes: ReactNode[] = [];
  let at = 0;
  sorted.forEach((mark, index) => {
    if (mark.start < at) return; // overlapping marks: the first wins, text is never duplicated
    if (mark.start > at) nodes.push(text.slice(at, mark.start));
    const inner = text.slice(mark.start, mark.end);
    if (mark.kind === 'em') nodes.push(<em key={index}>{inner}</em>);
    else if (mark.kind === 'strong') nodes.push(<strong key={index}>{inner}</strong>);
    else if (mark.href && SAFE_LINK.test(mark.href)) {
      nodes.push(
        <a key={index} href={mark.href} rel="noreferrer noopener" target="_blank">
          {inner}
        </a>,
      );
    } else nodes.push(inner);
    at = mark.end;
  });
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

/** One block of an article, marked with its index so selections map back to canonical offsets. */
export function BlockView({ block, index }: { block: Block; index: number }) {
  const props = { 'data-block': index, dir: block.dir } as const;
  const content = renderMarks(block.text, block.marks);
  switch (block.kind) {
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
        <p {...props} className="list-item">
          {content}
        </p>
      );
    default:
      return <p {...props}>{content}</p>;
  }
}
