/**
 * The Markdown importer: CommonMark text → title and blocks (DESIGN.md "Article model"). Only text and
 * emphasis, strong and link marks are kept; raw HTML inside the Markdown is dropped with its content.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { BlockBuilder, safeHref } from './block-builder';
import { ImportError } from './import-error';
import type { Block, BlockKind } from './model';
import { PictureCollector } from './pictures';

type Root = ReturnType<typeof fromMarkdown>;
type MdNode = Root | Root['children'][number];

/**
 * The deepest nesting of block quotes and lists (or of emphasis inside emphasis) that is imported.
 * Real documents nest a handful of levels; the parser's time grows with the square of the depth
 * (100,000 nested ">" take 45 s) and the tree walk recurses, so deeper input is refused as 'too-deep'.
 */
export const MAX_MARKDOWN_DEPTH = 1000;

// The container markers a line opens with: ">" and list bullets or numbers followed by a space.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))+/;
const CONTAINER_MARKER = />|[-+*\d][.)]?[ \t]/g;

/** The most containers any one line opens: a cheap bound on the nesting the parser would build. */
function deepestLinePrefix(text: string): number {
  let deepest = 0;
  for (const line of text.split('\n')) {
    const prefix = CONTAINER_PREFIX.exec(line)?.[0];
    if (prefix !== undefined) deepest = Math.max(deepest, prefix.match(CONTAINER_MARKER)?.length ?? 0);
  }
  return deepest;
}

/** Link reference definitions ("[id]: https://…") by identifier; they sit in containers only. */
function collectDefinitions(root: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  const stack: MdNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node.url);
    else if (
      node.type === 'root' ||
      node.type === 'blockquote' ||
      node.type === 'list' ||
      node.type === 'listItem'
    ) {
      stack.push(...node.children);
    }
  }
  return definitions;
}

class MarkdownWalker {
  readonly builder = new BlockBuilder();
  // Until the first block is out, the first line of the text is the title.
  private needTitle = true;
  // A setext heading may span lines; it stays one heading.
  private inHeading = false;

  constructor(
    private readonly definitions: Map<string, string>,
    private readonly name: string,
    private readonly pictures: PictureCollector = new PictureCollector(),
  ) {}

  /** `![alt](file)`: a figure of its own, the picture read beside the note (never from the network). */
  private picture(url: string, alt: string, kind: BlockKind): void {
    this.endBlock(kind);
    const kept = this.pictures.keep(url, alt);
    this.builder.blocks.push({ kind: 'figure', text: 'image' in kept ? alt : '', ...kept });
    this.needTitle = false;
  }

  /** Ends a block; the first one becomes the title, a level-1 heading, whatever it was. */
  private endBlock(kind: BlockKind, level?: number): void {
    const block = this.needTitle ? this.builder.endBlock('heading', 1) : this.builder.endBlock(kind, level);
    if (block !== null) this.needTitle = false;
  }

  private checkDepth(depth: number): void {
    if (depth > MAX_MARKDOWN_DEPTH)
      throw new ImportError('too-deep', this.name, `it nests more than ${MAX_MARKDOWN_DEPTH} levels deep`);
  }

  /** Block-level nodes; `kind` is what a paragraph becomes here (inside a quote, inside a list item). */
  flow(node: MdNode, kind: BlockKind, depth: number): void {
    this.checkDepth(depth);
    switch (node.type) {
      case 'heading':
        this.inHeading = true;
        this.inlineChildren(node.children, kind, depth);
        this.inHeading = false;
        // Level 1 belongs to the title: later "#" headings are sections, like "##".
        this.endBlock('heading', Math.max(2, node.depth));
        return;
      case 'paragraph':
        this.inlineChildren(node.children, kind, depth);
        this.endBlock(kind);
        return;
      case 'code':
        // Code is read as text, a paragraph per line, since blocks carry no preformatting.
        for (const line of node.value.split('\n')) {
          this.builder.append(line);
          this.endBlock(kind);
        }
        return;
      case 'root':
      case 'blockquote':
      case 'list':
      case 'listItem': {
        // The outermost container names the kind: a list inside a quote is still quoted text.
        const inner =
          kind !== 'paragraph'
            ? kind
            : node.type === 'blockquote'
              ? 'quote'
              : node.type === 'listItem'
                ? 'listItem'
                : kind;
        for (const child of node.children) this.flow(child, inner, depth + 1);
        return;
      }
      case 'thematicBreak':
        this.endBlock(kind);
        if (!this.needTitle) this.builder.blocks.push({ kind: 'rule', text: '' });
        return;
      default:
        // html (dropped with its text), definition: nothing to read.
        return;
    }
  }

  private inlineChildren(children: readonly MdNode[], kind: BlockKind, depth: number): void {
    for (const child of children) this.inline(child, kind, depth + 1);
  }

  private inline(node: MdNode, kind: BlockKind, depth: number): void {
    this.checkDepth(depth);
    switch (node.type) {
      case 'text':
        this.text(node.value, kind);
        return;
      case 'inlineCode':
        this.builder.append(node.value);
        return;
      case 'break':
        this.endBlock(kind);
        return;
      case 'emphasis':
      case 'strong':
        this.builder.openMark(node.type === 'emphasis' ? 'em' : 'strong');
        this.inlineChildren(node.children, kind, depth);
        this.builder.closeMark();
        return;
      case 'link':
      case 'linkReference': {
        const raw = node.type === 'link' ? node.url : this.definitions.get(node.identifier);
        const href = raw === undefined ? null : safeHref(raw);
        if (href !== null) this.builder.openMark('link', href);
        this.inlineChildren(node.children, kind, depth);
        if (href !== null) this.builder.closeMark();
        return;
      }
      case 'image':
        this.picture(node.url, node.alt ?? '', kind);
        return;
      case 'imageReference': {
        const url = this.definitions.get(node.identifier);
        if (url !== undefined) this.picture(url, node.alt ?? '', kind);
        return;
      }
      default:
        // html (its text is not injected).
        return;
    }
  }

  /** Text, where the soft line break that ends the first line of an untitled document ends the title. */
  private text(value: string, kind: BlockKind): void {
    let rest = value;
    for (
      let newline = rest.indexOf('\n');
      this.needTitle && !this.inHeading && newline >= 0;
      newline = rest.indexOf('\n')
    ) {
      this.builder.append(rest.slice(0, newline));
      this.endBlock(kind);
      rest = rest.slice(newline + 1);
    }
    this.builder.append(rest);
  }
}

/**
 * Parses Markdown into blocks. The first heading, or else the first line, is the title block (a level-1
 * heading); empty text gives no blocks. Pictures are read through `pictures`. Throws ImportError 'too-deep' (naming `name`) on absurd nesting.
 */
export function parseMarkdown(
  text: string,
  name = 'Markdown text',
  pictures?: PictureCollector,
): { title: string; blocks: Block[] } {
  if (deepestLinePrefix(text) > MAX_MARKDOWN_DEPTH) {
    throw new ImportError('too-deep', name, `it nests more than ${MAX_MARKDOWN_DEPTH} levels deep`);
  }
  const root = fromMarkdown(text);
  const walker = new MarkdownWalker(collectDefinitions(root), name, pictures);
  walker.flow(root, 'paragraph', 0);
  const blocks = walker.builder.blocks;
  return { title: blocks[0]?.text ?? '', blocks };
}
