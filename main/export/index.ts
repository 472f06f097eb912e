/**
 * The export module's front door (docs/ARCHITECTURE.md, "Layers": one pure formatter per format). Every formatter
 * takes an ExportInput and returns the file's text; none reads or writes files.
 */
export type { ExportArticle, ExportHighlight, ExportInput } from './types';
export { toMarkdown } from './markdown';
export { toWebAnnotationJson } from './web-annotation';
export {
  parseWebAnnotationJson,
  type ExportedArticleMeta,
  type ParsedArticle,
  type ParsedExport,
  type ParseErrorCode,
  type ParseResult,
} from './web-annotation-parse';
export { toCsv } from './csv';
export { toHtml } from './html';
export { safeFileName } from './file-name';
export type { ExportLanguage } from './labels';
