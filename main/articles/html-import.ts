/**
 * The HTML importer: a saved web page → title and blocks (DESIGN.md "Articles are data, not HTML").
 * Readability picks the article out of the page chrome; the walk below keeps its text and the em, strong
 * and link marks, and nothing else — no HTML string leaves this module, so nothing hostile in the page
 * can reach the renderer. jsdom runs no scripts and loads no resources here (its defaults: `runScripts`
 * and `resources` unset, no `url`), so a page cannot run code or make a request while it is read.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { BlockBuilder, safeHref } from './block-builder';
import { checkedHtmlShape, READABILITY_MAX_ELEMENTS } from './html-limits';
import { ImportError } from './import-error';
import type { Block, BlockKind } from './model';

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
const SKIPPED = words(`
  script style iframe frame frameset object embed applet svg math canvas meta base link head title
  noscript template img picture video audio map button input select textarea dialog`);
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

class HtmlWalker {
  readonly builder = new BlockBuilder();

  constructor(
    private readonly skip: ReadonlySet<string>,
    private readonly name: string,
  ) {}

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
    if (
      this.skip.has(tag) ||
      element.hasAttribute('hidden') ||
      element.getAttribute('aria-hidden') === 'true'
    )
      return;
    const heading = HEADING.exec(tag);
    const mark = MARKS[tag];
    if (heading !== null) {
      this.builder.endBlock(kind);
      this.walk(element, kind, depth);
      // Level 1 is the article's title, added apart; an <h1> in the body is a section heading.
      this.builder.endBlock('heading', Math.max(2, Number(heading[1])));
    } else if (tag === 'br') {
      this.builder.endBlock(kind);
    } else if (mark !== undefined) {
      this.builder.openMark(mark);
      this.walk(element, kind, depth);
      this.builder.closeMark();
    } else if (tag === 'a') {
      const href = safeHref(element.getAttribute('href') ?? '', element.baseURI);
      if (href !== null) this.builder.openMark('link', href);
      this.walk(element, kind, depth);
      if (href !== null) this.builder.closeMark();
    } else if (INLINE.has(tag)) {
      this.walk(element, kind, depth);
    } else {
      // The outermost container names the kind: a list inside a quote is still quoted text.
      const inner =
        kind !== 'paragraph' ? kind : tag === 'blockquote' ? 'quote' : tag === 'li' ? 'listItem' : kind;
      this.builder.endBlock(kind);
      this.walk(element, inner, depth);
      this.builder.endBlock(inner);
    }
  }
}

/** The depth of the element tree under `root`, walked without recursion. */
function treeDepth(root: Element): number {
  let deepest = 0;
  let depth = 0;
  let node: Element | null = root;
  while (node !== null) {
    deepest = Math.max(deepest, depth);
    if (node.firstElementChild !== null) {
      node = node.firstElementChild;
      depth += 1;
      continue;
    }
    while (node !== null && node !== root && node.nextElementSibling === null) {
      node = node.parentElement;
      depth -= 1;
    }
    node = node === null || node === root ? null : node.nextElementSibling;
  }
  return deepest;
}

function textBlocks(root: Node, skip: ReadonlySet<string>, name: string): Block[] {
  const walker = new HtmlWalker(skip, name);
  walker.walk(root, 'paragraph', 0);
  walker.builder.endBlock('paragraph');
  return walker.builder.blocks;
}

const oneLine = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The title block first: a heading that repeats the title is dropped; with no title, the first block is it. */
function withTitle(title: string, blocks: Block[]): { title: string; blocks: Block[] } {
  const [first, ...rest] = blocks;
  if (first === undefined) return { title, blocks };
  if (title === '' || (first.kind === 'heading' && first.text === title)) {
    return { title: first.text, blocks: [{ ...first, kind: 'heading', level: 1 }, ...rest] };
  }
  return { title, blocks: [{ kind: 'heading', level: 1, text: title }, ...blocks] };
}

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
 * none (or the page is nested too deeply for it), the text of the page body without its navigation. Throws ImportError (naming `name`)
 * 'too-deep' for absurdly nested pages and 'no-content' when the page has no text.
 */
export function parseHtml(html: string, name: string): { title: string; blocks: Block[] } {
  const shape = checkedHtmlShape(html, name, MAX_HTML_DEPTH);
  // A silent console: jsdom would otherwise print the page's CSS parse errors to ours.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const skip = new Set([...SKIPPED, ...CHROME]);
    // A large page that marks its article needs no guessing: Readability takes seconds on a megabyte.
    const marked = html.length > LARGE_PAGE ? markedArticle(document) : null;
    // Readability rewrites the document it reads, so it gets a copy and the fallback reads the original.
    const article =
      !marked &&
      shape.elements <= READABILITY_MAX_ELEMENTS &&
      treeDepth(document.documentElement) <= READABILITY_MAX_DEPTH
        ? new Readability(document.cloneNode(true) as Document, { serializer: (node) => node }).parse()
        : null;
    let blocks = marked
      ? textBlocks(marked, skip, name)
      : article?.content
        ? textBlocks(article.content, skip, name)
        : [];
    if (blocks.length === 0) blocks = textBlocks(document.body, new Set([...skip, ...BODY_CHROME]), name);
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
