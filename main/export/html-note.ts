/**
 * A reader's note, which is Markdown, as HTML for the export page: bold, emphasis, code, lists, quotes and
 * links are shown formatted, never as `**`, backticks or `[text](url)`.
 *
 * Safety: markdown-it runs with raw HTML off, so `<script>`, `<img onerror>` and any other tag typed into a
 * note is escaped text; a picture is written as its description and address (nothing may load); a link becomes `<a>` only for an http(s) or
 * mailto address (the same rule as the importers, safeHref), otherwise it stays its literal text. Every
 * attribute value markdown-it writes is escaped by it.
 *
 * Bidi: each block (paragraph, list item, quote, heading) takes its own direction (`dir="auto"`); code and
 * link text are isolated (`dir="auto"` on the element), so a Latin word or an address never reorders the
 * Arabic around it. In a right-to-left article a block whose first words are Latin and that goes on in
 * Arabic is set right to left, or `dir="auto"` would read it as English (bidi-isolate.ts).
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { safeHref, type Direction } from '../articles';
import { leadingLatinRun } from './bidi-isolate';
import { escapeHtml, htmlNoteParagraphs } from './html-text';

// markdown-it stops reading deeper than its nesting limit; a note nested that deep (`>>>>…`, lists in
// lists) is written as plain paragraphs instead, so none of it is lost.
const MAX_NESTING = 50;
const BLOCK_OPENERS = new Set(['paragraph_open', 'heading_open', 'list_item_open', 'blockquote_open']);

function blockDirection(inline: Token, articleDir: Direction): string {
  const text = (inline.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');
  return articleDir === 'rtl' && leadingLatinRun(text) !== undefined ? 'rtl' : 'auto';
}

function createParser(): MarkdownIt {
  const parser = markdownIt('default', {
    html: false,
    linkify: false,
    typographer: false,
    breaks: true,
    maxNesting: MAX_NESTING,
  });
  parser.disable(['table']);
  parser.validateLink = (url) => safeHref(url) !== null;
  const rules = parser.renderer.rules;
  rules.link_open = (tokens, index, options, _env, self) => {
    const token = tokens[index];
    token?.attrSet('rel', 'noopener noreferrer');
    token?.attrSet('dir', 'auto');
    return self.renderToken(tokens, index, options);
  };
  // Nothing may load: a picture in a note is shown as its description and address, as text.
  rules.image = (tokens, index) => {
    const token = tokens[index];
    return escapeHtml(`${token?.content ?? ''} (${token?.attrGet('src') ?? ''})`);
  };
  rules.code_inline = (tokens, index) =>
    `<code dir="auto">${escapeHtml(tokens[index]?.content ?? '')}</code>`;
  const codeBlock: NonNullable<typeof rules.fence> = (tokens, index) =>
    `<pre dir="ltr"><code>${escapeHtml(tokens[index]?.content ?? '')}</code></pre>\n`;
  rules.fence = codeBlock;
  rules.code_block = codeBlock;
  // A heading inside a note would break the page's outline (h1 is the article): it is a bold paragraph.
  rules.heading_open = (tokens, index) =>
    `<p class="note-heading" dir="${escapeHtml(String(tokens[index]?.attrGet('dir') ?? 'auto'))}">`;
  rules.heading_close = () => '</p>\n';
  return parser;
}

let parser: MarkdownIt | undefined;

/** A note's Markdown as safe, bidi-isolated HTML blocks (see above). */
export function htmlNote(note: string, articleDir: Direction): string {
  parser ??= createParser();
  const text = note.replace(/\r\n?/g, '\n').trim();
  const tokens = parser.parse(text, {});
  if (tokens.some((token) => token.level >= MAX_NESTING - 2)) return htmlNoteParagraphs(text, articleDir);
  // Each block takes its direction from the first text inside it (a list item's, a quote's first line).
  let waiting: Token[] = [];
  for (const token of tokens) {
    if (BLOCK_OPENERS.has(token.type)) waiting.push(token);
    else if (token.type === 'inline' && waiting.length > 0) {
      const dir = blockDirection(token, articleDir);
      for (const opener of waiting) opener.attrSet('dir', dir);
      waiting = [];
    }
  }
  for (const opener of waiting) opener.attrSet('dir', 'auto');
  return parser.renderer.render(tokens, parser.options, {}).trim();
}
