/**
 * The article block model (DESIGN.md "Article model"). Every offset in the app is a UTF-16 index
 * into an article's canonical text: its blocks' `text` joined by BLOCK_SEPARATOR.
 * This file has no imports so that the renderer can share it.
 */

export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'listItem';
export type MarkKind = 'em' | 'strong' | 'link';
export type Direction = 'rtl' | 'ltr';
export type SourceKind = 'txt' | 'md' | 'html';

export type Mark = { start: number; end: number; kind: MarkKind; href?: string };

export type Block = {
  kind: BlockKind;
  /** 1 for the article title, 2 for section headings, 3.. below; only on headings. */
  level?: number;
  text: string;
  marks?: Mark[];
  /** Set only where a block reads in the other direction than its article (an English quote in Arabic). */
  dir?: Direction;
};

export type ArticleSource = { kind: SourceKind; name: string; sha256: string; importedAt: string };

export type Article = {
  id: string;
  title: string;
  /** BCP 47 language tag, e.g. "ar". */
  lang: string;
  dir: Direction;
  source: ArticleSource;
  blocks: Block[];
};

export const BLOCK_SEPARATOR = '\n\n';

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
