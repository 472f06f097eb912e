/**
 * A standalone HTML page of the export: one file, readable offline and printable. It loads nothing and
 * runs nothing — no script, no remote resource, no `url(` — and its CSP says so to the browser too.
 * Every string from the reader's data is HTML-escaped; a note's Markdown is shown formatted (html-note.ts),
 * while HTML typed into a note is displayed as text, never rendered.
 */
import type { Color } from '../../shared/annotation-model';
import type { Direction } from '../articles';
import { escapeHtml, htmlParagraphs } from './html-text';
import { htmlNote } from './html-note';
import { HIGHLIGHT_TINTS, HTML_STYLE } from './html-style';
import { colorLine, label, type LabelWords } from './labels';
import { inReadingOrder } from './reading-order';
import { byChapter } from './chapters';
import { picturesByHighlight } from './pictures';
import type { ExportArticle, ExportHighlight, ExportInput, ExportPicture } from './types';

const CSP = "default-src 'none'; style-src 'unsafe-inline'";
// An export with pictures carries them inside the file as data: URIs; still nothing else may load.
const CSP_WITH_PICTURES = `${CSP}; img-src data:`;

function colorClass(color: Color): string {
  // The colour comes from data: only a known colour may become a class name.
  return Object.hasOwn(HIGHLIGHT_TINTS, color) ? `color-${color}` : 'color-yellow';
}

function tagList(tags: readonly string[], dir: Direction, words: LabelWords): string {
  if (tags.length === 0) return '';
  const items = tags.map((tag) => `<li dir="auto">#${escapeHtml(tag)}</li>`).join('');
  return `<span>${escapeHtml(label('tags', dir, words.language))}:</span> <ul class="tags">${items}</ul>`;
}

/** A picture embedded in the page (only data: URIs of pictures the app stored are ever written). */
function pictureHtml(picture: ExportPicture): string {
  if (!picture.dataUri?.startsWith('data:image/')) return '';
  return `<figure><img src="${escapeHtml(picture.dataUri)}" alt="${escapeHtml(picture.alt)}"></figure>`;
}

function highlightHtml(
  highlight: ExportHighlight,
  dir: Direction,
  words: LabelWords,
  pictures: readonly ExportPicture[] = [],
): string {
  const parts = [
    ...pictures.map(pictureHtml).filter((html) => html !== ''),
    `<blockquote class="${colorClass(highlight.color)}">\n${htmlParagraphs(highlight.target.exact)}\n</blockquote>`,
  ];
  if (highlight.note.trim() !== '') {
    parts.push(`<div class="note" dir="auto">\n${htmlNote(highlight.note, dir)}\n</div>`);
  }
  // Its own direction: an English label in an Arabic article, or the reverse, reads whole.
  const color = `<span dir="auto">${escapeHtml(colorLine(highlight.color, dir, words))}</span>`;
  const tags = tagList(highlight.tags, dir, words);
  parts.push(`<div class="meta">${tags === '' ? color : `${tags} · ${color}`}</div>`);
  return `<section class="highlight">\n${parts.join('\n')}\n</section>`;
}

function articleHtml(article: ExportArticle, words: LabelWords): string {
  const { meta } = article;
  const dir = meta.dir === 'ltr' ? 'ltr' : 'rtl';
  const parts = [`<h1>${escapeHtml(meta.title.trim() || meta.source.name)}</h1>`];
  const source = `${escapeHtml(label('source', dir, words.language))}: <span dir="auto">${escapeHtml(meta.source.name)}</span>`;
  const tags = tagList(meta.tags, dir, words);
  parts.push(`<div class="meta">${tags === '' ? source : `${source} · ${tags}`}</div>`);
  if (meta.note.trim() !== '') {
    parts.push(`<div class="note article-note" dir="auto">\n${htmlNote(meta.note, dir)}\n</div>`);
  }
  const { anchored, orphans } = inReadingOrder(article.highlights);
  const withPictures = picturesByHighlight(article);
  if (anchored.length > 0) {
    parts.push(
      `<h2>${escapeHtml(label('highlights', dir, words.language))}</h2>`,
      ...byChapter(
        anchored,
        article.chapters,
        (title) => `<h3 dir="auto">${escapeHtml(title)}</h3>`,
        (h) => highlightHtml(h, dir, words, withPictures.get(h)),
      ),
    );
  }
  if (orphans.length > 0) {
    parts.push(
      `<section class="orphans">\n<h2>${escapeHtml(label('orphans', dir, words.language))}</h2>`,
      ...orphans.map((h) => highlightHtml(h, dir, words)),
      '</section>',
    );
  }
  return `<article lang="${escapeHtml(meta.lang)}" dir="${dir}">\n${parts.join('\n')}\n</article>`;
}

/** The export as one standalone, printable HTML page. */
export function toHtml(input: ExportInput): string {
  const first = input.articles[0]?.meta;
  const lang = first?.lang ?? 'ar';
  const dir: Direction = first?.dir === 'ltr' ? 'ltr' : 'rtl';
  const title = input.articles.length === 1 && first !== undefined ? first.title : 'Hamish';
  // The date and the app's name are left-to-right runs: isolated, or an Arabic label scrambles their order.
  const exported = [
    `${escapeHtml(label('exported', dir, input.language))}: `,
    `<bdi dir="ltr">${escapeHtml(input.exportedAt)}</bdi> · `,
    `<bdi dir="ltr">Hamish ${escapeHtml(input.appVersion)}</bdi>`,
  ].join('');
  const hasPictures = input.articles.some((article) => article.pictures?.some((p) => p.dataUri));
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${hasPictures ? CSP_WITH_PICTURES : CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${HTML_STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...input.articles.map((article) => articleHtml(article, input)),
    `<footer class="exported">${exported}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
