/**
 * The articles module's front door: the block model (shared/article-model.ts) and the import pipeline (docs/ARCHITECTURE.md, "Layers").
 * Other modules import from here, not from the files behind it.
 */
export * from '../../shared/article-model';
export { cleanSourceText, normalizeSourceText } from './normalize-text';
export { safeHref } from './block-builder';
export { parsePlainText, type PlainTextParse } from './text-import';
export { isDebrisLine, dropTrailingDebris } from './trailing-debris';
export {
  detectLanguage,
  blockDirection,
  withBlockDirections,
  withLanguage,
  type DetectedLanguage,
} from './language';

export {
  IMPORTABLE_EXTENSIONS,
  importBytesInThisThread,
  importPlainText,
  importText,
  picturesBeside,
  type ImportedFile,
  type ImportedText,
} from './import-file';
