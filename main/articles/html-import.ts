/**
 * The HTML importer: a saved web page → title and blocks (docs/ARCHITECTURE.md, "Data flow: import a file").
 * Readability picks the article out of the page chrome; the walk below keeps its text and the em, strong
 * and link marks, and nothing else — no HTML string leaves this module, so nothing hostile in the page
 * can reach the renderer. jsdom runs no scripts and loads no resources here (its defaults: `runScripts`
 * and `resources` unset, no `url`), so a page cannot run code or make a request while it is read.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { BlockBuilder, safeHref } from './block-builder';
import { treeDepth } from './html-depth';
import { isPixel, keepPicture } from './html-picture';
import { isLayoutTable, tableBlock } from './html-table';
import { checkedHtmlShape, READABILITY_MAX_ELEMENTS } from './html-limits';
import { ImportError } from './import-error';
import { linkedWithin } from './in-article-links';
import type { Block, BlockKind } from '../../shared/article-model';
import { PictureCollector } from './pictures';

/**
 * The deepest element nesting imported. Real pages nest a few dozen levels; jsdom parses 1,000 levels in
 * ~0.2 s but needs ~13 s for 10,000 and overflows its stack near 100,000, so deeper pages are refused.
 */
export const MAX_HTML_DEPTH = 1000;

/**
 * Readability's time grows faster than the square of the depth (measured: 100 levels 0.4 s, 300 levels
 * 1.8 s, 500 levels 9 s, 1,000 levels 39 s), so a page nested deeper than this is read whole instead.
 */
export const READABILITY_MAX_DEPTH = 200;

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

// Elements with no readable article text: code, styles, embedded documents, media, metadata, controls.
// Pictures are read by their own rule (an inline <svg> is never kept: only picture files are).
const SKIPPED = words(`
  script style iframe frame frameset object embed applet svg math canvas meta base link head title
  noscript template video audio map button input select textarea dialog`);
// Page chrome, never article text. A <header> or <form> is too, when the whole body is read; but in
// Readability's article a header may hold the lead, and ASP.NET pages wrap everything in one <form>.
const CHROME = new Set(['nav', 'footer', 'aside']);
const BODY_CHROME = new Set(['header', 'form']);
// Elements that flow inside a line; every other element starts and ends a block.
const INLINE = words(`
  a abbr b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr q s samp small span
  strike strong sub sup time tt u var wbr ruby rb rp rt`);
const MARKS: Record<string, 'em' | 'strong'> = { em: 'em', i: 'em', strong: 'strong', b: 'strong' };
const HEADING = /^h([1-6])$/;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The list an item is in: numbered or not, and the number its next item takes. */
type ListContext = { ordered: boolean; next: number };
type ListPlace = { ordered: boolean; number: number; depth: number };

/** What a caller walking a document of its own (a book's chapter) learns and decides along the way. */
export type WalkHooks = {
  /** An element's id and the index, among the blocks returned, of the block it starts or sits in. */
  anchor?: (id: string, block: number) => void;
  /** The href a link keeps when the page's own rule would drop it (a note reference); null: that rule. */
  link?: (element: Element) => string | null;
  /** True for an element left out of the text (a footnote shown beside its reference instead). */
  leaveOut?: (element: Element) => boolean;
};

class HtmlWalker {
  builder = new BlockBuilder();
  private readonly lists: ListContext[] = [];
  private item: ListPlace | null = null;

  constructor(
    private readonly skip: ReadonlySet<string>,
    private readonly name: string,
    private readonly pictures: PictureCollector,
    private readonly hooks: WalkHooks = {},
  ) {}

  /** Ids met since the last block ended: they point into the next block. */
  private anchors: string[] = [];

  /** Ends the current block; a list item learns its number and depth, the block the ids inside it. */
  private end(kind: BlockKind, level?: number): void {
    const block = this.builder.endBlock(kind, level);
    if (block !== null && this.anchors.length > 0) {
      block.anchors = this.anchors;
      this.anchors = [];
    }
    if (block?.kind === 'listItem' && this.item !== null) {
      block.depth = this.item.depth;
      if (this.item.ordered) {
        block.ordered = true;
        block.number = this.item.number;
      }
    }
  }

  /** Walks `node`'s subtree; `kind` is what running text becomes here (inside a quote, a list item). */
  walk(node: Node, kind: BlockKind, depth: number): void {
    // The depth was checked on the raw text; this guards the recursion against anything the scan missed.
    if (depth > 2 * MAX_HTML_DEPTH)
      throw new ImportError('too-deep', this.name, `it nests more than ${MAX_HTML_DEPTH} levels deep`);
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) this.builder.append(child.nodeValue ?? '');
      else if (child.nodeType === ELEMENT_NODE) this.element(child as Element, kind, depth + 1);
    }
  }

  private element(element: Element, kind: BlockKind, depth: number): void {
    const tag = element.localName;
    const id = element.getAttribute('id');
    if (id !== null && /^\S{1,200}$/.test(id)) this.anchors.push(id);
    if (
      this.skip.has(tag) ||
      element.hasAttribute('hidden') ||
      element.getAttribute('aria-hidden') === 'true' ||
      this.hooks.leaveOut?.(element) === true
    )
      return;
    if (this.hooks.anchor !== undefined && element.id !== '') {
      // An element that starts a block is anchored to that block, an inline one to the block it is in.
      if (!INLINE.has(tag)) this.end(kind);
      this.hooks.anchor(element.id, this.builder.blocks.length);
    }
    const heading = HEADING.exec(tag);
    const mark = MARKS[tag];
    if (heading !== null) {
      this.end(kind);
      this.walk(element, kind, depth);
      // Level 1 is the article's title, added apart; an <h1> in the body is a section heading.
      this.end('heading', Math.max(2, Number(heading[1])));
    } else if (this.rich(element, tag, kind, depth)) {
      return;
    } else if (tag === 'br') {
      this.end(kind);
    } else if (mark !== undefined) {
      this.builder.openMark(mark);
      this.walk(element, kind, depth);
      this.builder.closeMark();
    } else if (tag === 'a') {
      const raw = element.getAttribute('href') ?? '';
      // A link within the page (a footnote and its way back) stays a link within the article.
      const href =
        this.hooks.link?.(element) ?? (/^#\S{1,200}$/.test(raw) ? raw : safeHref(raw, element.baseURI));
      if (href !== null) this.builder.openMark('link', href);
      this.walk(element, kind, depth);
      if (href !== null) this.builder.closeMark();
    } else if (INLINE.has(tag)) {
      this.walk(element, kind, depth);
    } else if (tag === 'ol' || tag === 'ul') {
      const start = Number.parseInt(element.getAttribute('start') ?? '1', 10);
      this.lists.push({ ordered: tag === 'ol', next: Number.isFinite(start) ? start : 1 });
      this.end(kind);
      this.walk(element, kind, depth);
      this.end(kind);
      this.lists.pop();
    } else if (tag === 'li') {
      const list = this.lists.at(-1) ?? { ordered: false, next: 1 };
      const value = Number.parseInt(element.getAttribute('value') ?? '', 10);
      if (Number.isFinite(value)) list.next = value;
      const outer = this.item;
      this.end(kind);
      this.item = { ordered: list.ordered, number: list.next, depth: Math.max(0, this.lists.length - 1) };
      list.next += 1;
      const inner = kind === 'paragraph' ? 'listItem' : kind;
      this.walk(element, inner, depth);
      this.end(inner);
      this.item = outer;
    } else {
      // The outermost container names the kind: a list inside a quote is still quoted text.
      const inner = kind !== 'paragraph' ? kind : tag === 'blockquote' ? 'quote' : kind;
      this.end(kind);
      this.walk(element, inner, depth);
      this.end(inner);
    }
  }

  /**
   * Figures, pictures, tables, code and rules: true when `element` was one of them (and is done with).
   */
  private rich(element: Element, tag: string, kind: BlockKind, depth: number): boolean {
    if (tag === 'img') {
      this.end(kind);
      if (!isPixel(element)) this.picture(element);
    } else if (tag === 'picture') {
      const img = [...element.children].find((child) => child.localName === 'img');
      this.end(kind);
      if (img && !isPixel(img)) this.picture(img);
    } else if (tag === 'figure') {
      this.figure(element, kind, depth);
    } else if (tag === 'table' && !isLayoutTable(element)) {
      this.end(kind);
      const table = tableBlock(element, (cell) => this.cellText(cell, depth));
      if (table) this.builder.blocks.push(table);
    } else if (tag === 'pre') {
      this.end(kind);
      // The lines as written: only the line ends of the page are normalised, and a last empty line dropped.
      // eslint-disable-next-line no-control-regex -- controls other than tab and line feed are invisible
      const code = (element.textContent ?? '').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
      const text = code.replace(/\n+$/, '');
      if (text.trim() !== '') this.builder.blocks.push({ kind: 'code', text });
    } else if (tag === 'hr') {
      this.end(kind);
      this.builder.blocks.push({ kind: 'rule', text: '' });
    } else return false;
    return true;
  }

  /** A figure block for `img`: a kept picture's alt text is its text until a caption replaces it. */
  private picture(img: Element): void {
    const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    const kept = keepPicture(img, this.pictures, alt);
    // A picture not kept is listed with its alt text, which is not made article text: the alt of a remote
    // tracking pixel is no part of what the reader reads.
    this.builder.blocks.push({ kind: 'figure', text: 'image' in kept ? alt : '', ...kept });
  }

  /** A <figure>: its pictures, the last of them captioned by its <figcaption>. */
  private figure(element: Element, kind: BlockKind, depth: number): void {
    this.end(kind);
    const before = this.builder.blocks.length;
    let caption: Element | null = null;
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE && (child as Element).localName === 'figcaption') {
        caption ??= child as Element;
        continue;
      }
      if (child.nodeType === TEXT_NODE) this.builder.append(child.nodeValue ?? '');
      else if (child.nodeType === ELEMENT_NODE) this.element(child as Element, kind, depth + 1);
    }
    this.end(kind);
    if (caption === null) return;
    const figure = this.builder.blocks.slice(before).findLast((block) => block.kind === 'figure');
    const captionAt = this.builder.blocks.length;
    this.walk(caption, 'paragraph', depth + 1);
    this.end('paragraph');
    // A figure holding no picture (a quote, a chart drawn in SVG) keeps its caption as a paragraph.
    if (figure === undefined) return;
    const captionBlocks = this.builder.blocks.splice(captionAt);
    const text = captionBlocks.map((block) => block.text).join(' ');
    if (text === '') return;
    figure.text = text;
    const marks = captionBlocks.length === 1 ? captionBlocks[0]?.marks : undefined;
    if (marks) figure.marks = marks;
  }

  /** A table cell's text on one line (its paragraphs joined by a space; marks are not kept in cells). */
  private cellText(cell: Element, depth: number): string {
    const outer = this.builder;
    this.builder = new BlockBuilder();
    this.walk(cell, 'paragraph', depth + 1);
    this.builder.endBlock('paragraph');
    const text = this.builder.blocks
      .map((block) => block.text.replace(/[\t\n]+/g, ' '))
      .filter((line) => line !== '')
      .join(' ');
    this.builder = outer;
    return text;
  }
}

function textBlocks(
  root: Node,
  skip: ReadonlySet<string>,
  name: string,
  pictures: PictureCollector,
  hooks: WalkHooks = {},
): Block[] {
  const walker = new HtmlWalker(skip, name, pictures, hooks);
  walker.walk(root, 'paragraph', 0);
  walker.builder.endBlock('paragraph');
  return linkedWithin(walker.builder.blocks);
}

/**
 * The blocks of a whole document body, read as saved pages are but without Readability's guess of where
 * the article is (a book's chapter is all text); only navigation is left out. Used for EPUB chapters.
 */
export function bodyBlocks(root: Node, name: string, pictures: PictureCollector, hooks: WalkHooks): Block[] {
  return textBlocks(root, new Set([...SKIPPED, 'nav']), name, pictures, hooks);
}

const oneLine = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The title block first: a heading that repeats the title is dropped; with no title, the first block is it. */
function withTitle(title: string, blocks: Block[]): { title: string; blocks: Block[] } {
  const [first, ...rest] = blocks;
  if (first === undefined) return { title, blocks };
  // A page with no title that opens on a picture, table or rule: the first words of its text name it, and
  // nothing is turned into a heading (a table or a picture cannot be one).
  if (title === '' && !['heading', 'paragraph', 'quote', 'listItem'].includes(first.kind)) {
    const named = blocks.find((block) => block.kind !== 'rule' && block.text !== '');
    return { title: oneLine(named?.text.slice(0, 140)), blocks };
  }
  if (title === '' || (first.kind === 'heading' && first.text === title)) {
    return { title: first.text, blocks: [{ ...first, kind: 'heading', level: 1 }, ...rest] };
  }
  return { title, blocks: [{ kind: 'heading', level: 1, text: title }, ...blocks] };
}

/**
 * Readability's table cleaning grows faster than the number of cells (a 10,000-cell table: 6 s), so a page
 * with more cells than this is read without it: its marked article when it has one, else its body.
 */
export const READABILITY_MAX_CELLS = 2000;

/** Pages larger than this take the marked-article shortcut when they have one. */
export const LARGE_PAGE = 300_000;

/**
 * The page's one `<article>` (or schema.org articleBody) when it holds most of the page's text: the site
 * itself says where the article is.
 */
function markedArticle(document: Document): Element | null {
  const candidates = document.querySelectorAll('article, [itemprop="articleBody"]');
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (!only) return null;
  const bodyLength = document.body.textContent?.length ?? 0;
  return (only.textContent?.length ?? 0) >= 0.6 * bodyLength ? only : null;
}

/**
 * Parses an HTML page into its article's title and blocks: Readability's article, or when it finds
 * none (or the page is nested too deeply for it), the text of the page body without its navigation. Its
 * pictures are read through `pictures`, which holds the ones kept. Throws ImportError (naming `name`)
 * 'too-deep' for absurdly nested pages and 'no-content' when the page has no text.
 */
export function parseHtml(
  html: string,
  name: string,
  pictures: PictureCollector = new PictureCollector(),
): { title: string; blocks: Block[] } {
  html = pictures.withdrawInlinePictures(html);
  const shape = checkedHtmlShape(html, name, MAX_HTML_DEPTH);
  // A silent console: jsdom would otherwise print the page's CSS parse errors to ours.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const skip = new Set([...SKIPPED, ...CHROME]);
    // A large page that marks its article needs no guessing: Readability takes seconds on a megabyte.
    const manyCells = document.querySelectorAll('td, th').length > READABILITY_MAX_CELLS;
    const marked = html.length > LARGE_PAGE || manyCells ? markedArticle(document) : null;
    // Readability rewrites the document it reads, so it gets a copy and the fallback reads the original.
    const article =
      !marked &&
      !manyCells &&
      shape.elements <= READABILITY_MAX_ELEMENTS &&
      treeDepth(document.documentElement) <= READABILITY_MAX_DEPTH
        ? new Readability(document.cloneNode(true) as Document, { serializer: (node) => node }).parse()
        : null;
    let blocks = marked
      ? textBlocks(marked, skip, name, pictures)
      : article?.content
        ? textBlocks(article.content, skip, name, pictures)
        : [];
    if (blocks.length === 0)
      blocks = textBlocks(document.body, new Set([...skip, ...BODY_CHROME]), name, pictures);
    if (blocks.length === 0) throw new ImportError('no-content', name);
    const title =
      oneLine(article?.title) ||
      oneLine(marked?.querySelector('h1')?.textContent) ||
      oneLine(document.title) ||
      oneLine(document.querySelector('h1')?.textContent);
    return withTitle(title, blocks);
  } finally {
    dom.window.close();
  }
}
