/**
 * Markdown export, written for Obsidian (and any CommonMark reader).
 *
 * One article:
 *   front matter (title, source, lang, dir, tags, exported, app)
 *   # Title
 *   the article's note
 *   ## المقتطفات / Highlights — each highlight in reading order (in a book, under a `###` heading per chapter):
 *     > its quote, escaped, `>` on every line
 *     its note (Markdown kept; raw HTML shown as text, an open code fence closed: markdown-contain.ts)
 *     الوسوم / Tags: #tag … · اللون / Colour: yellow (أصفر)
 *   ## غير مثبتة / Orphaned — highlights no longer found in the text, same layout
 *
 * Several articles: one front matter for the export (title, exported, articles, app), then each article as
 * above with its source and tags as lines under its `#` title (Obsidian reads only one front matter per
 * file), the articles separated by a thematic break (`---` between blank lines).
 *
 * Bidi: nothing is added to Arabic lines; in a right-to-left article a line that starts with a Latin word
 * and goes on in Arabic gets that word isolated (bidi-isolate.ts).
 */
import type { Direction, WebSource } from '../articles';
import { isolateLeadingLatin } from './bidi-isolate';
import { byChapter } from './chapters';
import { colorLine, label, type LabelWords } from './labels';
import { escapeMarkdownLine } from './markdown-escape';
import { markdownNote } from './markdown-note';
import { obsidianTags } from './obsidian-tag';
import { inReadingOrder } from './reading-order';
import { ATTACHMENTS_FOLDER, picturesByHighlight } from './pictures';
import type { ExportArticle, ExportHighlight, ExportInput, ExportPicture } from './types';
import { yamlString } from './yaml-string';

function textLine(text: string, dir: Direction): string {
  const escaped = escapeMarkdownLine(text);
  return dir === 'rtl' ? isolateLeadingLatin(escaped) : escaped;
}

/** A passage as a block quote; a blank line inside it stays inside the quote as a bare `>`. */
export function markdownQuote(text: string, dir: Direction): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${textLine(line, dir)}`))
    .join('\n');
}

function tagLine(tags: readonly string[]): string {
  return obsidianTags(tags)
    .map((tag) => `#${tag}`)
    .join(' ');
}

/** A picture as Obsidian links an attachment: `![alt](attachments/<name>)`, the alt text escaped. */
function pictureLine(picture: ExportPicture): string {
  const alt = picture.alt.replace(/[[\]\\]/g, '\\$&').replace(/\s+/g, ' ');
  return `![${alt}](${ATTACHMENTS_FOLDER}/${picture.asset})`;
}

function highlightBlock(
  highlight: ExportHighlight,
  dir: Direction,
  words: LabelWords,
  pictures: readonly ExportPicture[] = [],
): string {
  const parts = [...pictures.map(pictureLine), markdownQuote(highlight.target.exact, dir)];
  if (highlight.note.trim() !== '') parts.push(markdownNote(highlight.note, dir).join('\n'));
  const tags = tagLine(highlight.tags);
  const meta = [colorLine(highlight.color, dir, words)];
  if (tags !== '') meta.unshift(`${label('tags', dir, words.language)}: ${tags}`);
  parts.push(meta.join(' · '));
  return parts.join('\n\n');
}

function articleSection(article: ExportArticle, words: LabelWords, withMetaLines: boolean): string {
  const { meta } = article;
  const dir = meta.dir;
  const parts = [`# ${textLine(meta.title.trim() || meta.source.name, dir)}`];
  if (withMetaLines) {
    parts.push(`${label('source', dir, words.language)}: ${escapeMarkdownLine(meta.source.name)}`);
    const tags = tagLine(meta.tags);
    if (tags !== '') parts.push(`${label('tags', dir, words.language)}: ${tags}`);
  }
  if (meta.note.trim() !== '') parts.push(markdownNote(meta.note, dir).join('\n'));
  const { anchored, orphans } = inReadingOrder(article.highlights);
  const withPictures = picturesByHighlight(article);
  if (anchored.length > 0) {
    parts.push(
      `## ${label('highlights', dir, words.language)}`,
      ...byChapter(
        anchored,
        article.chapters,
        (title) => `### ${textLine(title, dir)}`,
        (h) => highlightBlock(h, dir, words, withPictures.get(h)),
      ),
    );
  }
  if (orphans.length > 0) {
    parts.push(
      `## ${label('orphans', dir, words.language)}`,
      ...orphans.map((h) => highlightBlock(h, dir, words)),
    );
  }
  return parts.join('\n\n');
}

function yamlList(values: readonly string[]): string {
  return values.length === 0 ? ' []' : values.map((value) => `\n  - ${yamlString(value)}`).join('');
}

/** A page saved from the web: its address, site, author and date, for the front matter. */
function webFields(web: WebSource | undefined): [string, string][] {
  if (!web) return [];
  const fields: [string, string][] = [['url', yamlString(web.url)]];
  if (web.site) fields.push(['site', yamlString(web.site)]);
  if (web.author) fields.push(['author', yamlString(web.author)]);
  if (web.published) fields.push(['published', yamlString(web.published)]);
  return fields;
}

function frontMatter(fields: [string, string][]): string {
  const lines = fields.map(([key, value]) => `${key}:${value.startsWith('\n') ? '' : ' '}${value}`);
  return ['---', ...lines, '---'].join('\n');
}

/** The whole export as one Markdown document (layout above). */
export function toMarkdown(input: ExportInput): string {
  const app = yamlString(`Hamish ${input.appVersion}`);
  const exported = yamlString(input.exportedAt);
  const [only] = input.articles;
  if (only !== undefined && input.articles.length === 1) {
    const { meta } = only;
    const head = frontMatter([
      ['title', yamlString(meta.title)],
      ['source', yamlString(meta.source.name)],
      ...webFields(meta.source.web),
      ['lang', yamlString(meta.lang)],
      ['dir', yamlString(meta.dir)],
      ['tags', yamlList(obsidianTags(meta.tags))],
      ['exported', exported],
      ['app', app],
    ]);
    return `${head}\n\n${articleSection(only, input, false)}\n`;
  }
  const head = frontMatter([
    ['title', yamlString('Hamish export')],
    ['exported', exported],
    ['articles', String(input.articles.length)],
    ['app', app],
  ]);
  const sections = input.articles.map((article) => articleSection(article, input, true));
  return sections.length === 0 ? `${head}\n` : `${head}\n\n${sections.join('\n\n---\n\n')}\n`;
}
