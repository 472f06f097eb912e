import type { Block, Mark } from '../../../shared/article-model';
import { ltrRuns, type Run } from '../reader/bidi-runs';

/**
 * The first screen's blocks as plain DOM, element for element what the reader's `BlockView` renders
 * (first-screen.test.tsx compares the two), so that the text drawn before React has loaded is laid out
 * exactly as the text React draws in its place. Only the kinds of block whose size is known from their
 * text are drawn here: a figure or a table (whose size comes from an image or a grid) ends the first
 * screen, and React draws it. See docs/ARCHITECTURE.md, "Opening fast".
 */

// Links may only leave for the web or mail, as in the reader (BlockView.tsx).
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Whether `block` can be drawn before React (its height follows from its text). */
export function drawable(block: Block): boolean {
  return block.kind !== 'figure' && block.kind !== 'table';
}

/** Appends `text` from `from` to `to`, each left-to-right run in it isolated as the reader does. */
function appendIsolated(parent: Node, text: string, from: number, to: number, runs: readonly Run[]): void {
  let at = from;
  for (const run of runs) {
    if (run.end <= at || run.start >= to) continue;
    const start = Math.max(run.start, at);
    const end = Math.min(run.end, to);
    if (start > at) parent.appendChild(document.createTextNode(text.slice(at, start)));
    const bdi = document.createElement('bdi');
    bdi.dir = 'ltr';
    bdi.textContent = text.slice(start, end);
    parent.appendChild(bdi);
    at = end;
  }
  if (at < to) parent.appendChild(document.createTextNode(text.slice(at, to)));
}

/** The element a mark is drawn in, or null for a mark drawn as plain text (an unsafe link). */
function markElement(mark: Mark): HTMLElement | null {
  if (mark.kind === 'em') return document.createElement('em');
  if (mark.kind === 'strong') return document.createElement('strong');
  const link = document.createElement('a');
  if (mark.note !== undefined) {
    // A note reference: the reader's button that opens the note (NoteRef.tsx), closed.
    link.href = '#';
    link.setAttribute('role', 'button');
    link.className = 'noteref';
    link.setAttribute('aria-expanded', 'false');
    link.setAttribute('aria-haspopup', 'dialog');
    return link;
  }
  if (mark.href?.startsWith('#')) {
    link.href = mark.href;
    link.className = 'in-article-link';
    return link;
  }
  if (mark.href && SAFE_LINK.test(mark.href)) {
    link.href = mark.href;
    link.rel = 'noreferrer noopener';
    link.target = '_blank';
    return link;
  }
  return null;
}

/** Appends the text with its marks (cut and ordered as the reader's renderMarks does). */
function appendMarked(parent: Node, text: string, marks: readonly Mark[], runs: readonly Run[]): void {
  const sorted = marks
    .filter((m) => m.start < m.end && m.end <= text.length)
    .sort((a, b) => a.start - b.start);
  let at = 0;
  for (const mark of sorted) {
    if (mark.start < at) continue; // overlapping marks: the first wins, as in the reader
    appendIsolated(parent, text, at, mark.start, runs);
    const element = markElement(mark);
    appendIsolated(element ?? parent, text, mark.start, mark.end, runs);
    if (element) parent.appendChild(element);
    at = mark.end;
  }
  appendIsolated(parent, text, at, text.length, runs);
}

/** One block, as `BlockView` draws it with the stored text (vowel marks shown). */
export function blockElement(block: Block, index: number, isolate: boolean): HTMLElement {
  let element: HTMLElement;
  switch (block.kind) {
    case 'code': {
      element = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = block.text;
      element.appendChild(code);
      break;
    }
    case 'rule':
      element = document.createElement('hr');
      break;
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.level ?? 2));
      element = document.createElement(`h${level}`);
      if (level === 1) element.className = 'article-title';
      break;
    }
    case 'quote':
      element = document.createElement('blockquote');
      break;
    case 'listItem':
      element = document.createElement('p');
      element.className = 'list-item';
      if (block.depth) element.dataset.depth = String(Math.min(block.depth, 6));
      if (block.ordered) element.dataset.number = String(block.number ?? 1);
      break;
    default:
      element = document.createElement('p');
  }
  element.dataset.block = String(index);
  if (block.kind === 'code') {
    element.dir = 'ltr';
    element.className = 'code';
  } else if (block.dir) element.dir = block.dir;
  if (block.anchors) element.dataset.anchors = block.anchors.join(' ');
  if (block.kind !== 'code' && block.kind !== 'rule') {
    const runs = isolate && block.dir !== 'ltr' ? ltrRuns(block.text) : [];
    appendMarked(element, block.text, block.marks ?? [], runs);
  }
  return element;
}
