/**
 * The shape a Hamish Web Annotation export must have to be restored, checked with zod before any of it
 * is used (outside data is `unknown` until a schema has checked it). Stricter than the W3C model: a restore reads
 * what toWebAnnotationJson writes, and anything else is refused rather than half-read.
 */
import { z } from 'zod';
import { COLORS } from '../../shared/annotation-model';
import { articleIdFrom, highlightIdFrom } from './web-annotation-terms';

const IsoDate = z.string().min(1).max(40);
const Offset = z.number().int().min(0);

function urnId(read: (urn: string) => string | undefined, what: string) {
  return z.string().transform((urn, ctx) => {
    const id = read(urn);
    if (id === undefined) ctx.addIssue({ code: 'custom', message: `not a Hamish ${what} id: ${urn}` });
    return id ?? '';
  });
}

function oneOrMany<T extends z.ZodType>(item: T) {
  return z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));
}

const PositionSelector = z.object({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset });
const QuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});

const TextualBody = z.object({
  type: z.literal('TextualBody').optional(),
  purpose: z.string().optional(),
  value: z.string(),
});

/** The daily review's state of a highlight, as the export writes it (optional: only once reviewed). */
const ReviewShape = z.object({
  lastSeen: IsoDate,
  interval: z.number().int().min(0).max(100_000),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  archived: z.boolean(),
});

export const AnnotationShape = z.object({
  id: urnId(highlightIdFrom, 'highlight'),
  type: z.literal('Annotation'),
  created: IsoDate,
  modified: IsoDate,
  body: oneOrMany(TextualBody).optional(),
  target: z.object({
    source: urnId(articleIdFrom, 'article'),
    selector: oneOrMany(z.discriminatedUnion('type', [QuoteSelector, PositionSelector])),
  }),
  'hamish:color': z.enum(COLORS),
  'hamish:status': z.enum(['exact', 'moved', 'fuzzy', 'orphan']),
  'hamish:storedPosition': PositionSelector,
  'hamish:review': ReviewShape.optional(),
});
export type AnnotationShape = z.infer<typeof AnnotationShape>;

export const ArticleShape = z.object({
  id: urnId(articleIdFrom, 'article'),
  language: z.string().min(1).max(35),
  textDirection: z.enum(['rtl', 'ltr']),
  'hamish:title': z.string(),
  'hamish:source': z.object({
    'hamish:kind': z.enum(['txt', 'md', 'html', 'epub']),
    'hamish:name': z.string(),
    'hamish:sha256': z.string().regex(/^[0-9a-f]{64}$/),
    'hamish:importedAt': IsoDate,
    'hamish:web': z
      .object({
        url: z.string(),
        fetchedFrom: z.string(),
        site: z.string().optional(),
        author: z.string().optional(),
        published: z.string().optional(),
      })
      .optional(),
  }),
  'hamish:note': z.string(),
  'hamish:tags': z.array(z.string()),
});
export type ArticleShape = z.infer<typeof ArticleShape>;

export const CollectionShape = z.object({
  type: z.literal('AnnotationCollection'),
  'hamish:schemaVersion': z.literal(1),
  'hamish:exportedAt': z.string(),
  'hamish:appVersion': z.string(),
  'hamish:article': z.array(ArticleShape),
  total: Offset,
  first: z.object({ type: z.literal('AnnotationPage'), items: z.array(AnnotationShape) }).optional(),
});

/** Only the version, read before the rest so a newer export is named as such, not as a wrong shape. */
export const VersionShape = z.object({ 'hamish:schemaVersion': z.number().int().min(1) });
