/**
 * The search module's front door: Arabic normalisation, query parsing, find in article and the library
 * index (docs/ARCHITECTURE.md, "Layers"). Other modules import from here.
 */
export { normalizeArabic, toOriginalSpan, tokenize, type NormalizedText, type Token } from '../text';
export {
  MAX_QUERY_LENGTH,
  isEmptyQuery,
  parseQuery,
  queryNeedles,
  type ParsedQuery,
  type Phrase,
} from './query';
export { findInText, type TextSpan } from './find-in-text';
export {
  DEFAULT_LIMIT,
  createLibraryIndex,
  type ArticleInfo,
  type DocumentKind,
  type LibraryIndex,
  type SearchFilters,
  type SearchHit,
  type SnippetPieces,
} from './library-index';
