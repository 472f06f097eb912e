import { fromMarkdown } from 'mdast-util-from-markdown';
import type { ReactNode } from 'react';

/**
 * A note written in Markdown, shown formatted and safely: the Markdown is parsed to a syntax tree and the
 * tree is turned into React elements here. No HTML string is ever produced or injected; raw HTML in a
 * note is shown as its literal text; images show their alt text and never load; only http(s) and mailto
 * links become links (the shell asks before opening them).
 */

type MdNode = {
  type: string;
  children?: MdNode[];
  value?: string;
  url?: string;
  alt?: string;
  ordered?: boolean;
  depth?: number;
};

const SAFE_LINK = /^(https?:|mailto:)/i;

function children(node: MdNode): ReactNode[] {
  return (node.children ?? []).map((child, index) => render(child, index));
}

function render(node: MdNode, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return (
        <p key={key} dir="auto">
          {children(node)}
        </p>
      );
    case 'heading':
      return (
        <p key={key} dir="auto" className="note-heading">
          <strong>{children(node)}</strong>
        </p>
      );
    case 'text':
    case 'html':
      return node.value ?? '';
    case 'emphasis':
      return <em key={key}>{children(node)}</em>;
    case 'strong':
      return <strong key={key}>{children(node)}</strong>;
    case 'delete':
      return <del key={key}>{children(node)}</del>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'code':
      return (
        <pre key={key} dir="ltr">
          <code>{node.value}</code>
        </pre>
      );
    case 'break':
      return <br key={key} />;
    case 'blockquote':
      return (
        <blockquote key={key} dir="auto">
          {children(node)}
        </blockquote>
      );
    case 'list':
      return node.ordered ? (
        <ol key={key} dir="auto">
          {children(node)}
        </ol>
      ) : (
        <ul key={key} dir="auto">
          {children(node)}
        </ul>
      );
    case 'listItem':
      return (
        <li key={key} dir="auto">
          {children(node)}
        </li>
      );
    case 'thematicBreak':
      return <hr key={key} />;
    case 'link':
      return node.url && SAFE_LINK.test(node.url) ? (
        <a key={key} href={node.url} rel="noreferrer noopener" target="_blank">
          {children(node)}
        </a>
      ) : (
        <span key={key}>{children(node)}</span>
      );
    case 'image':
      return node.alt ?? '';
    default:
      return node.children ? <span key={key}>{children(node)}</span> : (node.value ?? null);
  }
}

export function NoteMarkdown({ source }: { source: string }) {
  const tree = fromMarkdown(source) as unknown as MdNode;
  return <div className="note-markdown">{children(tree)}</div>;
}
