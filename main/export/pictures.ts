/**
 * Which pictures go with a highlight in an export: a figure's picture belongs to a highlight of its caption,
 * or to one that runs across the figure. Pictures appear once, with the first highlight that touches them.
 */
import type { ExportArticle, ExportHighlight, ExportPicture } from './types';

/** The folder beside a Markdown export that holds its pictures (Obsidian's attachment convention). */
export const ATTACHMENTS_FOLDER = 'attachments';

/** The pictures to show with each highlight, in reading order, each picture once. */
export function picturesByHighlight(article: ExportArticle): Map<ExportHighlight, ExportPicture[]> {
  const shown = new Set<ExportPicture>();
  const result = new Map<ExportHighlight, ExportPicture[]>();
  const ordered = article.highlights.filter((h) => h.status !== 'orphan').sort((a, b) => a.start - b.start);
  for (const highlight of ordered) {
    const touched = (article.pictures ?? []).filter(
      (picture) => !shown.has(picture) && highlight.start <= picture.end && picture.start <= highlight.end,
    );
    for (const picture of touched) shown.add(picture);
    if (touched.length > 0) result.set(highlight, touched);
  }
  return result;
}
