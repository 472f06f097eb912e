import { z } from 'zod';
import type { JsonObject, MigrationStep } from './migrations';

/*
 * Version 0 is the format before files carried `schemaVersion` (the prototype's). It differed from version 1 in:
 * - library.json kept the settings under `preferences`, and its articles had no `deletedAt` (no trash yet);
 * - annotations kept a highlight's selectors flat on the highlight (`start`, `end`, `quote`, `prefix`,
 *   `suffix`); version 1 nests them under `target`, named as the Web Annotation selectors (`exact`), and
 *   every highlight has `updatedAt` (version 0 wrote it only after an edit);
 * - articles/<id>.json held the article object itself; version 1 wraps it as `{ schemaVersion, article }`.
 * A fixture of a version 0 data folder is in test/fixtures/store-v0/.
 */

// Only what this step relies on is checked here; the version 1 schema checks the result in full.
const LibraryV0 = z.strictObject({
  articles: z.array(z.looseObject({ id: z.string() })),
  preferences: z.unknown().optional(),
});

const HighlightV0 = z.looseObject({
  start: z.number(),
  end: z.number(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
});

const AnnotationsV0 = z.strictObject({ articleId: z.string(), highlights: z.array(HighlightV0) });

const ArticleV0 = z.looseObject({ id: z.string(), blocks: z.array(z.unknown()) });

function library(data: JsonObject): JsonObject {
  const { articles, preferences } = LibraryV0.parse(data);
  return {
    articles: articles.map((article) => ({ ...article, deletedAt: null })),
    settings: preferences ?? {},
  };
}

function annotations(data: JsonObject): JsonObject {
  const { articleId, highlights } = AnnotationsV0.parse(data);
  return {
    articleId,
    highlights: highlights.map(({ start, end, quote, prefix, suffix, ...rest }) => ({
      ...rest,
      target: { start, end, exact: quote, prefix, suffix },
      updatedAt: rest.updatedAt ?? rest.createdAt,
    })),
  };
}

function article(data: JsonObject): JsonObject {
  return { article: ArticleV0.parse(data) };
}

/** From the unversioned prototype format to version 1. */
export const fromVersion0: MigrationStep = { from: 0, to: 1, library, annotations, article };
