/**
 * The Markdown importer: CommonMark text → title and blocks (see docs/ARCHITECTURE.md, "Data flow: import
 * a file"). Text with emphasis, strong and link marks, pictures (`![alt](file)`, read beside the note, never
 * from the network) and rules are kept; raw HTML inside the Markdown is dropped.
 *
 * The parser is markdown-it: its time grows linearly with the text, even on input crafted against it
 * (hundreds of thousands of unclosed "[" or "[a](", lists nested by indentation), and it builds a flat
 * token list that is walked here without recursion. mdast-util-from-markdown, used before, took minutes
 * on a few hundred kilobytes of such input.
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { BlockBuilder, safeHref } from './block-builder';
import { ImportError } from './import-error';
import type { Block, BlockKind } from '../../shared/article-model';
import { PictureCollector } from './pictures';

/**
 * The deepest nesting of block quotes and lists that is imported, counted as the parser counts it (a
 * quote is one level, a list item two: the list and the item). Real documents nest a handful of
 * levels; the parser stops reading at this depth, so a deeper document is refused rather than cut short.
 */
export const MAX_MARKDOWN_DEPTH = 100;

function createParser(): MarkdownIt {
  const parser = markdownIt('commonmark', { maxNesting: MAX_MARKDOWN_DEPTH });
  // Every link is kept as written and judged by safeHref (which keeps http, https and mailto only):
  // markdown-it would otherwise leave a refused link's brackets and address in the text, and
  // percent-encode Arabic addresses.
  parser.validateLink = () => true;
  parser.normalizeLink = (url) => url;
  return parser;
}

let parser: MarkdownIt | undefined;

const cutShort = (token: Token): boolean =>
  token.nesting === 1 &&
  token.level >= MAX_MARKDOWN_DEPTH - 1 &&
  token.type !== 'paragraph_open' &&
  token.type !== 'heading_open';

class MarkdownWalker {
  readonly builder = new BlockBuilder();
  // Until the first block is out, the first line of the text is the title.
  private needTitle = true;
  // A setext heading may span lines; it stays one heading.
  private inHeading = false;
  // What a paragraph becomes inside each open container; the outermost container names the kind.
  private readonly kinds: BlockKind[] = ['paragraph'];
  // For each open link, whether its mark was opened (its address may have been refused).
  private readonly links: boolean[] = [];
  // The lists open around the text, innermost last, and the item being read in the innermost one.
  private readonly lists: { ordered: boolean; next: number }[] = [];
  private readonly items: { ordered: boolean; number: number; depth: number }[] = [];

  constructor(private readonly pictures: PictureCollector = new PictureCollector()) {}

  private get kind(): BlockKind {
    return this.kinds.at(-1) ?? 'paragraph';
  }

  /** `![alt](file)`: a figure of its own, the picture read beside the note (never from the network). */
  private picture(url: string, alt: string): void {
    this.endBlock(this.kind);
    const kept = this.pictures.keep(url, alt);
    this.builder.blocks.push({ kind: 'figure', text: 'image' in kept ? alt : '', ...kept });
    this.needTitle = false;
  }

  /** Ends a block; the first one becomes the title, a level-1 heading, whatever it was. */
  private endBlock(kind: BlockKind, level?: number): void {
    const block = this.needTitle ? this.builder.endBlock('heading', 1) : this.builder.endBlock(kind, level);
    if (block !== null) this.needTitle = false;
    // A list item learns its depth, and in a numbered list its number.
    const item = this.items.at(-1);
    if (block?.kind === 'listItem' && item !== undefined) {
      block.depth = item.depth;
      if (item.ordered) {
        block.ordered = true;
        block.number = item.number;
      }
    }
  }

  private enterContainer(kind: BlockKind): void {
    this.kinds.push(this.kind !== 'paragraph' ? this.kind : kind);
  }

  block(token: Token): void {
    switch (token.type) {
      case 'heading_open':
        this.inHeading = true;
        return;
      case 'heading_close':
        this.inHeading = false;
        // Level 1 belongs to the title: later "#" headings are sections, like "##".
        this.endBlock('heading', Math.max(2, Number(token.tag.slice(1))));
        return;
      case 'paragraph_close':
        this.endBlock(this.kind);
        return;
      case 'inline':
        for (const child of token.children ?? []) this.inline(child);
        return;
      case 'code_block':
      case 'fence': {
        // The lines as written, left to right; before the title is known, they are read as text.
        const text = token.content.replace(/\n+$/, '');
        if (this.needTitle) {
          for (const line of text.split('\n')) {
            this.builder.append(line);
            this.endBlock(this.kind);
          }
        } else if (text.trim() !== '') {
          this.endBlock(this.kind);
          this.builder.blocks.push({ kind: 'code', text });
        }
        return;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const start = Number(token.attrGet('start') ?? 1);
        this.lists.push({
          ordered: token.type === 'ordered_list_open',
          next: Number.isFinite(start) ? start : 1,
        });
        return;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.lists.pop();
        return;
      case 'blockquote_open':
        this.enterContainer('quote');
        return;
      case 'list_item_open': {
        this.enterContainer('listItem');
        const list = this.lists.at(-1) ?? { ordered: false, next: 1 };
        this.items.push({
          ordered: list.ordered,
          number: list.next,
          depth: Math.max(0, this.lists.length - 1),
        });
        list.next += 1;
        return;
      }
      case 'blockquote_close':
        this.kinds.pop();
        return;
      case 'list_item_close':
        this.kinds.pop();
        this.items.pop();
        return;
      case 'hr':
        this.endBlock(this.kind);
        if (!this.needTitle) this.builder.blocks.push({ kind: 'rule', text: '' });
        return;
      default:
        // html_block (dropped) and paragraph_open: nothing to read.
        return;
    }
  }

  private inline(token: Token): void {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        this.builder.append(token.content);
        return;
      case 'softbreak':
        // The line break that ends the first line of an untitled document ends the title.
        if (this.needTitle && !this.inHeading) this.endBlock(this.kind);
        else this.builder.append('\n');
        return;
      case 'hardbreak':
        this.endBlock(this.kind);
        return;
      case 'em_open':
      case 'strong_open':
        this.builder.openMark(token.type === 'em_open' ? 'em' : 'strong');
        return;
      case 'em_close':
      case 'strong_close':
        this.builder.closeMark();
        return;
      case 'link_open': {
        const href = safeHref(String(token.attrGet('href') ?? ''));
        if (href !== null) this.builder.openMark('link', href);
        this.links.push(href !== null);
        return;
      }
      case 'link_close':
        if (this.links.pop() === true) this.builder.closeMark();
        return;
      case 'image':
        // Reference pictures (`![alt][ref]`) arrive here resolved; `content` is the alt text.
        this.picture(String(token.attrGet('src') ?? ''), token.content);
        return;
      default:
        // html_inline (the tag; its text is not injected).
        return;
    }
  }
}

/**
 * Parses Markdown into blocks. The first heading, or else the first line, is the title block (a level-1
 * heading); empty text gives no blocks. Pictures are read through `pictures`. Throws ImportError 'too-deep'
 * (naming `name`) on absurd nesting.
 */
export function parseMarkdown(
  text: string,
  name = 'Markdown text',
  pictures?: PictureCollector,
): { title: string; blocks: Block[] } {
  parser ??= createParser();
  const tokens = parser.parse(text, {});
  // At the limit the parser stops reading inside a container (a quote, a list or its item) and drops the
  // rest of it silently: a container opened that deep means text was lost. Paragraphs and headings are
  // read whole at any level.
  if (tokens.some(cutShort)) {
    throw new ImportError('too-deep', name, `it nests more than ${MAX_MARKDOWN_DEPTH} levels deep`);
  }
  const walker = new MarkdownWalker(pictures);
  for (const token of tokens) walker.block(token);
  const blocks = walker.builder.blocks;
  return { title: blocks[0]?.text ?? '', blocks };
}
