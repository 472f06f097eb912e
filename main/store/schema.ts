import { z } from 'zod';
import type { Article } from '../../shared/article-model';
import type { Highlight } from '../../shared/annotation-model';
import { COLORS } from '../../shared/annotation-model';
import type { ReviewState } from '../review/schedule';

/**
 * The shape of every store file (docs/ARCHITECTURE.md, "Store on disk"). Each file carries `schemaVersion`;
 * a file that does not match its schema is corruption, never silently repaired.
 */

export const SCHEMA_VERSION = 1;

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const IsoDate = z.string().min(1).max(40);
const Direction = z.enum(['rtl', 'ltr']);

const MarkSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  kind: z.enum(['em', 'strong', 'link']),
  href: z.string().optional(),
  note: z.string().optional(),
});

/** `<sha256>.<ext>`: the only names an asset can have, so a stored name can never point elsewhere. */
export const AssetName = z.string().regex(/^[0-9a-f]{64}\.(png|jpg|gif|webp|avif|svg)$/);
const Count = z.number().int().min(0);

const FigureImageSchema = z.object({
  asset: AssetName,
  alt: z.string(),
  width: Count,
  height: Count,
});

const MissingImageSchema = z.object({
  src: z.string(),
  alt: z.string(),
  reason: z.enum([
    'remote',
    'not-found',
    'not-an-image',
    'too-large',
    'outside-folder',
    'content-only',
    'over-limit',
    'download-failed',
  ]),
});

const TableCellSchema = z.object({
  start: Count,
  end: Count,
  header: z.boolean().optional(),
  colspan: z.number().int().min(1).optional(),
  rowspan: z.number().int().min(1).optional(),
});

const BlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'quote', 'listItem', 'figure', 'table', 'code', 'rule']),
  level: z.number().int().min(1).max(6).optional(),
  text: z.string(),
  marks: z.array(MarkSchema).optional(),
  dir: Direction.optional(),
  secondary: z.enum(['dateline', 'byline', 'attribution']).optional(),
  ordered: z.boolean().optional(),
  number: z.number().int().optional(),
  depth: Count.optional(),
  image: FigureImageSchema.optional(),
  missing: MissingImageSchema.optional(),
  rows: z.array(z.array(TableCellSchema)).optional(),
  anchors: z.array(z.string().min(1).max(200)).optional(),
});

const SourceSchema = z.object({
  kind: z.enum(['txt', 'md', 'html', 'epub']),
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: IsoDate,
  /** A page saved from the web: its address and what it says about itself. Optional: older files lack it. */
  web: z
    .object({
      url: z.string().max(8192),
      fetchedFrom: z.string().max(8192),
      site: z.string().max(500).optional(),
      author: z.string().max(500).optional(),
      published: z.string().max(100).optional(),
    })
    .optional(),
});

type TocEntry = { title: string; block: number; children?: TocEntry[] | undefined };
const TocEntrySchema: z.ZodType<TocEntry> = z.lazy(() =>
  z.object({ title: z.string(), block: Count, children: z.array(TocEntrySchema).optional() }),
);

export const ArticleSchema = z.object({
  id: Id,
  title: z.string(),
  lang: z.string().min(1).max(35),
  dir: Direction,
  source: SourceSchema,
  blocks: z.array(BlockSchema),
  toc: z.array(TocEntrySchema).optional(),
});

export const ProgressSchema = z.object({
  /** Canonical-text offset of the first character at the top of the reader. */
  offset: z.number().int().min(0),
  /** Share of the article scrolled past, 0..1, for the library's progress bar. */
  fraction: z.number().min(0).max(1),
  updatedAt: IsoDate,
});
export type Progress = z.infer<typeof ProgressSchema>;

export const ArticleMetaSchema = z.object({
  id: Id,
  title: z.string(),
  lang: z.string().min(1).max(35),
  dir: Direction,
  source: SourceSchema,
  /** The first paragraph's opening words, for the library list. */
  firstLine: z.string(),
  tags: z.array(z.string()),
  note: z.string(),
  progress: ProgressSchema.nullable(),
  /** Set when the article is in the trash. */
  deletedAt: IsoDate.nullable(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ReviewStateSchema = z.object({
  lastSeen: IsoDate,
  interval: z.number().int().min(0).max(100_000),
  due: Day,
  archived: z.boolean(),
});

/** The daily review's memory: per highlight id, and the days with a review (for the streak). */
export const ReviewFileSchema = z.object({
  highlights: z.record(Id, ReviewStateSchema),
  days: z.array(Day).max(1000),
});
export type ReviewFile = z.infer<typeof ReviewFileSchema>;

export const LibraryFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(ArticleMetaSchema),
  /** Read leniently through readSettings(): a bad value resets that setting, not the library. */
  settings: z.unknown(),
  /** Optional, so libraries written before the review existed need no migration. */
  review: ReviewFileSchema.optional(),
});
export type LibraryFile = z.infer<typeof LibraryFileSchema>;

export const ArticleFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: ArticleSchema,
});
export type ArticleFile = z.infer<typeof ArticleFileSchema>;

export const HighlightSchema = z.object({
  id: Id,
  articleId: Id,
  color: z.enum(COLORS),
  target: z.object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  }),
  note: z.string(),
  tags: z.array(z.string()),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const AnnotationsFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articleId: Id,
  highlights: z.array(HighlightSchema),
});
export type AnnotationsFile = z.infer<typeof AnnotationsFileSchema>;

export const IdSchema = Id;

// Compile-time checks that the schemas describe the shared model types exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const articleMatches: Same<z.infer<typeof ArticleSchema>, Article> = true;
const highlightMatches: Same<z.infer<typeof HighlightSchema>, Highlight> = true;
const reviewMatches: Same<z.infer<typeof ReviewStateSchema>, ReviewState> = true;
void articleMatches;
void reviewMatches;
void highlightMatches;
