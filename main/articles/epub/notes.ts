/**
 * Footnotes and endnotes, read in place. A note reference (`epub:type="noteref"`, or the ARIA role
 * `doc-noteref`) becomes a link mark with no address and the note's text in `note`; the reader shows that
 * text beside the reference instead of jumping away. A note that a reference of its own chapter points to
 * is left out of the running text (it is shown in place); notes gathered elsewhere (an endnotes chapter)
 * stay in the text too, so nothing of the book is lost.
 */
import type { Block } from '../../../shared/article-model';
import { bookPath, elementsNamed, epubTypes, fragmentOf } from './xml';

/** A note is cut to this many characters: a reference shows a note, not a chapter. */
export const MAX_NOTE_CHARS = 4000;
/** How the walk marks a reference's target until every chapter, and so every note, has been read. */
export const NOTE_LINK = 'hamish-note:';

const NOTE_TYPES = new Set(['footnote', 'endnote', 'note', 'rearnote']);

const isNote = (element: Element): boolean => epubTypes(element).some((type) => NOTE_TYPES.has(type));
const isReference = (element: Element): boolean => epubTypes(element).includes('noteref');

function noteText(element: Element): string {
  // A bare anchor (<a id="fn1"/>) marks where its note starts: the note is the element around it.
  const holder =
    (element.textContent ?? '').trim() === '' && element.parentElement ? element.parentElement : element;
  const text = (holder.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS - 1)}…` : text;
}

export type ChapterNotes = {
  isReference: (element: Element) => boolean;
  shownInPlace: (element: Element) => boolean;
};

/** Records the notes of a chapter in `notes` (keyed "path#id") and says which to leave out of its text. */
export function chapterNotes(document: Document, path: string, notes: Map<string, string>): ChapterNotes {
  const byId = new Map<string, Element>();
  for (const element of document.querySelectorAll('[id]')) {
    if (!byId.has(element.id)) byId.set(element.id, element);
    if (isNote(element)) notes.set(`${path}#${element.id}`, noteText(element));
  }
  const inPlace = new Set<Element>();
  for (const link of elementsNamed(document, 'a')) {
    if (!isReference(link)) continue;
    const href = link.getAttribute('href') ?? '';
    if (bookPath(href, path) !== path) continue;
    const target = byId.get(fragmentOf(href));
    if (target === undefined || target.contains(link)) continue;
    const key = `${path}#${target.id}`;
    if (!notes.has(key)) notes.set(key, noteText(target));
    if (isNote(target) || target.localName === 'aside') inPlace.add(target);
  }
  return { isReference, shownInPlace: (element) => inPlace.has(element) };
}

/** The blocks with each note reference given its note's text (a reference to no note is plain text). */
export function withNotes(blocks: Block[], notes: ReadonlyMap<string, string>): Block[] {
  for (const block of blocks) {
    if (!block.marks?.some((mark) => mark.href?.startsWith(NOTE_LINK))) continue;
    block.marks = block.marks.flatMap((mark) => {
      if (!mark.href?.startsWith(NOTE_LINK)) return [mark];
      const note = notes.get(mark.href.slice(NOTE_LINK.length));
      return note ? [{ start: mark.start, end: mark.end, kind: mark.kind, note }] : [];
    });
    if (block.marks.length === 0) delete block.marks;
  }
  return blocks;
}
