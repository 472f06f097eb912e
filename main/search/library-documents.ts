/**
 * The documents library search indexes, and what a hit on each reports (docs/ARCHITECTURE.md, "Layers").
 *
 * - kind 'article': one per non-empty block. A hit reports the match's own canonical-text offsets.
 * - kind 'highlight': one per highlight, its quote (`target.exact`). A hit reports the highlight's passage
 *   (`target.start`, `target.end`), which is what opening the result scrolls to and paints.
 * - kind 'note': a highlight's note, or the article's own note, together with its tags written `#tag` —
 *   in the Web Annotation model a tag is a body of the annotation, as a note is. A highlight's note hit
 *   reports the highlight's passage; an article note hit reports 0, 0 (the note is about the whole article).
 */

import type { Highlight } from '../../shared/annotation-model';
import { blockStarts, type Block } from '../../shared/article-model';
import { plainNoteText } from './note-text';

export type DocumentKind = 'article' | 'highlight' | 'note';

/** One searchable text and where a hit on it leads. */
export type LibraryDocument = {
  kind: DocumentKind;
  /** The text searched and shown in the snippet. */
  text: string;
  /** Where `text` starts in the canonical text (article blocks; 0 otherwise). */
  offset: number;
  /** The offsets a hit reports when it is not an article hit; also the order within an article. */
  start: number;
  end: number;
  highlightId?: string;
  /** The highlight's own tags (the article's tags apply to every document of the article). */
  tags: readonly string[];
};

/** A note followed by its tags, so that searching a tag finds the annotation that carries it. */
export function noteBody(markdown: string, tags: readonly string[]): string {
  // Searched and shown as its words: a snippet never shows `**`, backticks or `[text](url)`.
  const note = plainNoteText(markdown);
  const tagLine = tags.map((tag) => `#${tag}`).join(' ');
  return note.length > 0 && tagLine.length > 0 ? `${note}\n${tagLine}` : note + tagLine;
}

/** An article's blocks as documents. */
export function blockDocuments(blocks: readonly Block[]): LibraryDocument[] {
  const starts = blockStarts(blocks);
  const documents: LibraryDocument[] = [];
  blocks.forEach((block, index) => {
    if (block.text.length === 0) return;
    const offset = starts[index] ?? 0;
    documents.push({
      kind: 'article',
      text: block.text,
      offset,
      start: offset,
      end: offset + block.text.length,
      tags: [],
    });
  });
  return documents;
}

/** The article's own note and tags as a document, or none when both are empty. */
export function articleNoteDocuments(note: string, tags: readonly string[]): LibraryDocument[] {
  const text = noteBody(note, tags);
  if (text.length === 0) return [];
  return [{ kind: 'note', text, offset: 0, start: 0, end: 0, tags: [] }];
}

/** A highlight's quote and (when it has one) its note with tags. */
export function highlightDocuments(highlight: Highlight): LibraryDocument[] {
  const { start, end, exact } = highlight.target;
  const common = { offset: 0, start, end, highlightId: highlight.id, tags: highlight.tags };
  const documents: LibraryDocument[] = [];
  if (exact.length > 0) documents.push({ kind: 'highlight', text: exact, ...common });
  const body = noteBody(highlight.note, highlight.tags);
  if (body.length > 0) documents.push({ kind: 'note', text: body, ...common });
  return documents;
}
