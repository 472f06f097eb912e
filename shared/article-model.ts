/**
 * The article block model (docs/ARCHITECTURE.md, "Data flow: highlight a passage"). Every offset in the app is a UTF-16 index
 * into an article's canonical text: its blocks' `text` joined by BLOCK_SEPARATOR.
 * Part of the shared vocabulary (docs/ARCHITECTURE.md, "Layers"): no imports, so main and the renderer share it.
 */

export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'listItem' | 'figure' | 'table' | 'code' | 'rule';
export type MarkKind = 'em' | 'strong' | 'link';
export type Direction = 'rtl' | 'ltr';
export type SourceKind = 'txt' | 'md' | 'html' | 'epub';
/** A paragraph about the article rather than of it: its date line, its byline, a quote's attribution. */
export type SecondaryKind = 'dateline' | 'byline' | 'attribution';

/**
 * `note` is set on a book's note reference (a link with no `href`): the text of the footnote or endnote
 * it points to, shown in place when the reference is chosen, so reading never jumps away.
 */
export type Mark = { start: number; end: number; kind: MarkKind; href?: string; note?: string };

export type Block = {
  kind: BlockKind;
  /** 1 for the article title, 2 for section headings, 3.. below; only on headings. */
  level?: number;
  text: string;
  marks?: Mark[];
  /** Set only where a block reads in the other direction than its article (an English quote in Arabic). */
  dir?: Direction;
  /** paragraph: set where the importer recognised a date line, byline or attribution (shown small). */
  secondary?: SecondaryKind;
  /** listItem: in a numbered list (`number` is the item's number there). */
  ordered?: boolean;
  number?: number;
  /** listItem: 0 for a top-level item, 1 inside it, ... */
  depth?: number;
  /** figure: the picture kept offline; absent when it could not be kept (then `missing` says why). */
  image?: FigureImage;
  missing?: MissingImage;
  /** table: its rows of cells, each cell a span of `text`. */
  rows?: TableRow[];
  /**
   * The page's ids that point into this block, kept only where a link of the article points to one: a
   * footnote reference is a link mark whose href is `#<id>`, and leads to the block holding that id.
   */
  anchors?: string[];
};

/**
 * A picture stored in the data folder's assets, named by its content: `asset` is `<sha256>.<ext>`.
 * A figure's `text` is its caption (or, with no caption, its alt text) so that it can be highlighted and found.
 */
export type FigureImage = { asset: string; alt: string; width: number; height: number };

/**
 * Why a picture of the source was not kept. Nothing is ever fetched from the network at import; a page
 * saved from the web downloads its article's pictures, and one that fails is 'download-failed'.
 */
export type MissingReason =
  | 'remote'
  | 'not-found'
  | 'not-an-image'
  | 'too-large'
  | 'outside-folder'
  | 'content-only'
  | 'over-limit'
  | 'download-failed';
export type MissingImage = { src: string; alt: string; reason: MissingReason };

/**
 * A table cell: its text is `text.slice(start, end)` of its table block. Cells follow in reading order;
 * within a row they are joined by TABLE_CELL_SEPARATOR, rows by TABLE_ROW_SEPARATOR, so the table's text
 * stays one string for search and anchoring. The renderer writes the separators into the page as hidden
 * text so that DOM offsets still count the same characters.
 */
export type TableCell = {
  start: number;
  end: number;
  header?: boolean;
  colspan?: number;
  rowspan?: number;
};
export type TableRow = TableCell[];

export const TABLE_CELL_SEPARATOR = '\t';
export const TABLE_ROW_SEPARATOR = '\n';

/**
 * Where a page saved from the web came from: `url` is its article's address (the canonical link, else the
 * address fetched without tracking parameters), `fetchedFrom` the address the page was last read from.
 */
export type WebSource = {
  url: string;
  fetchedFrom: string;
  site?: string;
  author?: string;
  published?: string;
};

export type ArticleSource = {
  kind: SourceKind;
  name: string;
  sha256: string;
  importedAt: string;
  /** Only for a page saved from the web. */
  web?: WebSource;
};

export type Article = {
  id: string;
  title: string;
  /** BCP 47 language tag, e.g. "ar". */
  lang: string;
  dir: Direction;
  source: ArticleSource;
  blocks: Block[];
  /** A book's own table of contents; absent for articles (their headings serve instead). */
  toc?: TocEntry[];
};

/** An entry of a book's table of contents: `block` is the index of the block it leads to. */
export type TocEntry = { title: string; block: number; children?: TocEntry[] };

export const BLOCK_SEPARATOR = '\n\n';

/*
 * Blocks of every kind take part in the canonical text the same way. A figure's text is its caption, a
 * table's its cells, a code block's its lines (new lines kept). A rule (and a figure with neither caption
 * nor alt text) has empty text: it still takes its place in the join, so the text around it reads
 * "…\n\n\n\n…" and no offset of another block changes; nothing inside it can be highlighted.
 */

/** The canonical text of an article: its blocks' text joined by a blank line. */
export function canonicalText(blocks: readonly Block[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}

/** Where each block starts in the canonical text: block i starts where block i-1 ended plus 2. */
export function blockStarts(blocks: readonly Block[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}
