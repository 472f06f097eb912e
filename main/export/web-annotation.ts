/**
 * Export as a W3C Web Annotation Data Model document (https://www.w3.org/TR/annotation-model/):
 * an AnnotationCollection (§5.1) whose single embedded AnnotationPage (§5.2) lists one Annotation per
 * highlight, in reading order, article after article.
 *
 * Each annotation: motivation `highlighting` (what the reader did); the note as a TextualBody with purpose
 * `commenting` and each tag as a TextualBody with purpose `tagging` (§3.3.5: purpose says why each body is
 * there); the target is the article (`urn:hamish:article:<id>`) with a TextQuoteSelector and, unless the
 * highlight is an orphan, a TextPositionSelector in the current text (§4.2.4, §4.2.5 — both describe the
 * same passage, a reader uses either). `hamish:` properties carry what a restore needs and the model has
 * no term for: the colour, the anchor status, the stored position, and the articles' metadata.
 */
import { detectLanguage } from '../articles';
import type { ReviewState } from '../review/schedule';
import type { ArticleMeta } from '../store';
import { inReadingOrder } from './reading-order';
import type { ExportArticle, ExportHighlight, ExportInput } from './types';
import { CONTEXT, EXPORT_SCHEMA_VERSION, articleUrn, highlightUrn } from './web-annotation-terms';

type TextualBody = {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: string;
  language?: string;
  textDirection?: string;
};
type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

function bodies(highlight: ExportHighlight, articleLang: string): TextualBody[] {
  const out: TextualBody[] = [];
  if (highlight.note.trim() !== '') {
    // A note's language is read from its letters: an English note on an Arabic article is English.
    const detected = detectLanguage(highlight.note);
    const language = detected.lang === 'und' ? articleLang : detected.lang;
    out.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: highlight.note,
      format: 'text/markdown',
      language,
      textDirection: 'auto',
    });
  }
  for (const tag of highlight.tags) out.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return out;
}

function annotation(
  highlight: ExportHighlight,
  meta: ArticleMeta,
  review: ReviewState | undefined,
): Record<string, unknown> {
  const { target } = highlight;
  const selector: Selector[] = [
    { type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix },
  ];
  const anchored = highlight.status !== 'orphan' && highlight.start >= 0;
  if (anchored) selector.push({ type: 'TextPositionSelector', start: highlight.start, end: highlight.end });
  const body = bodies(highlight, meta.lang);
  return {
    id: highlightUrn(highlight.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    // §3.2: a body is optional; an empty list would say nothing, so a bare highlight has none.
    ...(body.length > 0 ? { body } : {}),
    // A page saved from the web was read within its address: the model's `scope` of a specific resource.
    target: {
      type: 'SpecificResource',
      source: articleUrn(meta.id),
      ...(meta.source.web && { scope: meta.source.web.url }),
      selector,
    },
    'hamish:color': highlight.color,
    'hamish:status': highlight.status,
    // Where the highlight was last anchored, which the resolver tries first; for a moved or fuzzy
    // highlight it differs from the TextPositionSelector, for an orphan it is the only position left.
    'hamish:storedPosition': { type: 'TextPositionSelector', start: target.start, end: target.end },
    // The daily review's memory of this highlight, once it has been reviewed.
    ...(review ? { 'hamish:review': review } : {}),
  };
}

function articleEntry({ meta }: ExportArticle): Record<string, unknown> {
  return {
    id: articleUrn(meta.id),
    type: 'Text',
    language: meta.lang,
    textDirection: meta.dir,
    'hamish:title': meta.title,
    'hamish:source': {
      'hamish:kind': meta.source.kind,
      'hamish:name': meta.source.name,
      'hamish:sha256': meta.source.sha256,
      'hamish:importedAt': meta.source.importedAt,
      ...(meta.source.web && { 'hamish:web': meta.source.web }),
    },
    'hamish:note': meta.note,
    'hamish:tags': meta.tags,
  };
}

/** The export as a Web Annotation collection, pretty-printed JSON. */
export function toWebAnnotationJson(input: ExportInput): string {
  // The ids must be IRIs and the output must not depend on the clock: both come from exportedAt.
  const id = `urn:hamish:export:${input.exportedAt.replace(/[^0-9A-Za-z]/g, '') || 'undated'}`;
  const pageId = `${id}:page:1`;
  const items = input.articles.flatMap((article) => {
    const { anchored, orphans } = inReadingOrder(article.highlights);
    return [...anchored, ...orphans].map((highlight) =>
      annotation(highlight, article.meta, input.reviews?.[highlight.id]),
    );
  });
  const [only] = input.articles;
  const label =
    input.articles.length === 1 && only ? only.meta.title : `Hamish: ${input.articles.length} articles`;
  const collection = {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    'hamish:schemaVersion': EXPORT_SCHEMA_VERSION,
    'hamish:exportedAt': input.exportedAt,
    'hamish:appVersion': input.appVersion,
    'hamish:article': input.articles.map(articleEntry),
    // §5.1: a collection with annotations MUST have a first page; an empty one has none.
    ...(items.length > 0
      ? { first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items }, last: pageId }
      : {}),
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
