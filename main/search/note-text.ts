/**
 * A note's words without its Markdown, for searching and for the snippet a search shows: `**مهم:**`
 * reads «مهم:», `[النص](https://…)` reads «النص», backticks, `#`, `>` and list bullets are gone. Raw HTML
 * and refused links stay as typed: they are the note's text.
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';

// A note with none of these characters has no Markdown to strip; most notes skip the parser.
const MAY_BE_MARKDOWN = /[*_`[\]#>~!\\|]|^\s*(?:[-+]|\d+[.)])\s|^\s*(?:={3,}|-{3,})\s*$/mu;
// Deeper nesting is read as plain text by the parser's limit; the note is then kept as typed.
const MAX_NESTING = 50;

let parser: MarkdownIt | undefined;

function inlineText(children: readonly Token[]): string {
  return children
    .map((child) => {
      if (child.type === 'text' || child.type === 'code_inline') return child.content;
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
      if (child.type === 'image') return inlineText(child.children ?? []);
      return '';
    })
    .join('');
}

/** The note's text as a reader sees it formatted: one line per paragraph, list item or code line. */
export function plainNoteText(note: string): string {
  if (!MAY_BE_MARKDOWN.test(note)) return note;
  parser ??= markdownIt('default', { html: false, linkify: false, maxNesting: MAX_NESTING });
  const tokens = parser.parse(note, {});
  if (tokens.some((token) => token.level >= MAX_NESTING - 2)) return note;
  const lines: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') lines.push(inlineText(token.children ?? []));
    else if (token.type === 'fence' || token.type === 'code_block')
      lines.push(token.content.replace(/\n$/, ''));
  }
  return lines.join('\n');
}
