import type { Definition, Nodes, Parents, Root } from 'mdast';
import { Fragment, type ReactNode } from 'react';

/**
 * Turns a Markdown syntax tree (mdast) into React elements. Only elements listed here are ever made, and
 * all text reaches the page as React text (escaped), so a note cannot inject markup, scripts or requests.
 */

/**
 * Notes are parsed as Markdown up to this many characters; the rest is shown as plain text. Measured with
 * mdast-util-from-markdown 2.1: ordinary Markdown costs ~40 ms at 8k characters but ~0.5 s at 100k and
 * ~30 s at 1 MB (it grows faster than linearly), and hostile nesting (`***…a…***`, `![![![…`) reaches
 * ~0.7 s at 8k and tens of seconds at 40k. 8k characters is far longer than a margin note.
 */
export const MARKDOWN_BUDGET = 8_000;

/** Deeper nesting (`>>>>…`, lists in lists) is shown as its plain text, so rendering never recurses deeply. */
const MAX_DEPTH = 24;

/** Link schemes that may become a clickable link; the Electron shell confirms before opening any of them. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to put in `href`, or null when the link must stay plain text. The URL is parsed the way the browser
 * would (WHATWG), so tricks like `java&#9;script:` or leading spaces cannot pass as http(s). Relative URLs
 * are refused: a note has no page of its own for them to point into.
 */
export function safeLinkHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return LINK_PROTOCOLS.has(parsed.protocol) ? url : null;
}

/**
 * Splits a note into the part parsed as Markdown (at most `budget` characters) and the plain rest.
 * It cuts at a blank line, else a line end, in the second half of the budget, so the cut rarely falls
 * inside a paragraph, and never between the two halves of a surrogate pair.
 */
export function splitAtBudget(source: string, budget = MARKDOWN_BUDGET): { markdown: string; rest: string } {
  if (source.length <= budget) return { markdown: source, rest: '' };
  const head = source.slice(0, budget);
  const half = Math.floor(budget / 2);
  let cut = head.lastIndexOf('\n\n');
  if (cut < half) cut = head.lastIndexOf('\n');
  if (cut < half) {
    cut = budget;
    const code = source.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  }
  return { markdown: source.slice(0, cut), rest: source.slice(cut).replace(/^\n+/, '') };
}

type Context = {
  definitions: ReadonlyMap<string, Definition>;
  depth: number;
  /** The children are blocks (of the root, a quote or a list item), not words inside a paragraph. */
  flow: boolean;
  /** Inside an item of a tight list, where paragraphs are shown without their own <p>, as in HTML. */
  tight: boolean;
};

/** The elements of a parsed note: one React node per top-level block. */
export function markdownElements(root: Root): ReactNode[] {
  const context: Context = { definitions: collectDefinitions(root), depth: 0, flow: true, tight: false };
  return renderChildren(root, context);
}

/** Reference links (`[text][ref]`) take their URL from a definition anywhere in the note; the first wins. */
function collectDefinitions(root: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node);
    else if ('children' in node) for (const child of [...node.children].reverse()) stack.push(child);
  }
  return definitions;
}

/** The words of a subtree, without any formatting (used past MAX_DEPTH); built without recursion. */
function plainText(node: Nodes): string {
  const parts: string[] = [];
  // Strings on the stack are separators, emitted once the block before them is done.
  const stack: (Nodes | string)[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === 'string') parts.push(next);
    else if ('value' in next) parts.push(next.value);
    else if (next.type === 'image' || next.type === 'imageReference') parts.push(next.alt ?? '');
    else if (next.type === 'break') parts.push('\n');
    else if ('children' in next) {
      if (next.type === 'paragraph' || next.type === 'heading') stack.push('\n');
      for (const child of [...next.children].reverse()) stack.push(child);
    }
  }
  return parts.join('');
}

function renderChildren(parent: Parents, context: Context): ReactNode[] {
  return parent.children.map((child, index) => renderNode(child, context, index));
}

function renderNode(node: Nodes, context: Context, key: number): ReactNode {
  if (context.depth >= MAX_DEPTH) return <Fragment key={key}>{plainText(node)}</Fragment>;
  const blocks: Context = { ...context, depth: context.depth + 1, flow: true, tight: false };
  const words: Context = { ...context, depth: context.depth + 1, flow: false, tight: false };

  switch (node.type) {
    case 'paragraph':
      return context.tight ? (
        <Fragment key={key}>{renderChildren(node, words)}</Fragment>
      ) : (
        <p key={key} dir="auto">
          {renderChildren(node, words)}
        </p>
      );
    case 'heading':
      // Notes sit inside panels that have their own headings; a note's `#` must not break that outline.
      return (
        <p key={key} dir="auto" className="note-heading">
          <strong>{renderChildren(node, words)}</strong>
        </p>
      );
    case 'blockquote':
      return (
        <blockquote key={key} dir="auto">
          {renderChildren(node, blocks)}
        </blockquote>
      );
    case 'list': {
      const loose = node.spread === true || node.children.some((item) => item.spread === true);
      const items = node.children.map((item, index) => (
        <li key={index} dir="auto">
          {renderChildren(item, { ...blocks, depth: blocks.depth + 1, tight: !loose })}
        </li>
      ));
      return node.ordered ? (
        <ol key={key} dir="auto" start={node.start ?? undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key} dir="auto">
          {items}
        </ul>
      );
    }
    case 'code':
      return (
        <pre key={key} dir="auto">
          <code>{node.value}</code>
        </pre>
      );
    case 'thematicBreak':
      return <hr key={key} dir="auto" />;
    case 'html':
      // Raw HTML is shown as the characters the user typed, never interpreted.
      return context.flow ? (
        <p key={key} dir="auto" className="note-raw">
          {node.value}
        </p>
      ) : (
        <Fragment key={key}>{node.value}</Fragment>
      );
    case 'text':
      return <Fragment key={key}>{node.value}</Fragment>;
    case 'emphasis':
      return <em key={key}>{renderChildren(node, words)}</em>;
    case 'strong':
      return <strong key={key}>{renderChildren(node, words)}</strong>;
    case 'delete':
      return <del key={key}>{renderChildren(node, words)}</del>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'break':
      return <br key={key} />;
    case 'link':
      return renderLink(node.url, renderChildren(node, words), key);
    case 'linkReference':
      return renderLink(context.definitions.get(node.identifier)?.url, renderChildren(node, words), key);
    case 'image':
    case 'imageReference':
      // The alt text only: an <img> would make a request, which an offline, private app never does.
      return <Fragment key={key}>{node.alt ?? ''}</Fragment>;
    case 'definition':
      return null;
    default:
      // Kinds this parser does not produce without extensions (tables, footnotes, front matter): their text.
      return <Fragment key={key}>{plainText(node)}</Fragment>;
  }
}

function renderLink(url: string | undefined, children: ReactNode[], key: number): ReactNode {
  const href = url === undefined ? null : safeLinkHref(url);
  if (href === null) return <Fragment key={key}>{children}</Fragment>;
  return (
    <a key={key} href={href} rel="noreferrer noopener" target="_blank">
      {children}
    </a>
  );
}
