/**
 * A search result's snippet: the match with some context either side, cut at word boundaries, returned in
 * pieces so the UI can mark the match without building HTML. Whitespace runs (a note's line breaks, a tab)
 * become one space: a snippet is one line, which the CLI's tab-separated output relies on.
 */

/** The snippet around a match; `before + match + after` is the whole snippet. */
export type SnippetPieces = { before: string; match: string; after: string };

/** Characters of context wanted on each side of the match. */
export const SNIPPET_CONTEXT = 40;
const ELLIPSIS = '…';
const SPACE = /\s/;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A cut must not separate a letter from its harakat or split a surrogate pair. */
function isInsideCharacter(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return (unit >= 0xdc00 && unit <= 0xdfff) || /\p{M}/u.test(text[index] ?? '') || unit === 0x0640;
}

/** Where the context before `start` begins: just after a space, else (one long word) at a character boundary. */
function contextStart(text: string, start: number): number {
  let from = Math.max(0, start - SNIPPET_CONTEXT);
  if (from === 0 || SPACE.test(text[from - 1] ?? '')) return from;
  // The space right before the match does not count: cutting there would leave no context at all.
  let limit = start;
  while (limit > from && SPACE.test(text[limit - 1] ?? '')) limit--;
  for (let i = from; i < limit; i++) if (SPACE.test(text[i] ?? '')) return i + 1;
  while (from < start && isInsideCharacter(text, from)) from++;
  return from;
}

/** Where the context after `end` ends: just before a space, else at a character boundary. */
function contextEnd(text: string, end: number): number {
  let to = Math.min(text.length, end + SNIPPET_CONTEXT);
  if (to === text.length || SPACE.test(text[to] ?? '')) return to;
  let limit = end;
  while (limit < to && SPACE.test(text[limit] ?? '')) limit++;
  for (let i = to - 1; i >= limit; i--) if (SPACE.test(text[i] ?? '')) return i;
  while (to > end && isInsideCharacter(text, to)) to--;
  return to;
}

/** The snippet for the match [start, end) of `text`, with an ellipsis where the text was cut. */
export function makeSnippet(text: string, start: number, end: number): SnippetPieces {
  const from = contextStart(text, start);
  const to = contextEnd(text, end);
  const before = oneLine(text.slice(from, start)).trimStart();
  const after = oneLine(text.slice(end, to)).trimEnd();
  return {
    before: (from > 0 ? ELLIPSIS : '') + before,
    match: oneLine(text.slice(start, end)),
    after: after + (to < text.length ? ELLIPSIS : ''),
  };
}
