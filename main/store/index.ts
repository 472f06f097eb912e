/** The store's front door: open a data folder, read and write its files, check them. */
export { openStore, type Store } from './store';
export type { StoreProblem } from './check';
export { StoreError, type StoreErrorCode } from './errors';
export { DurableJsonFile } from './durable-file';
export {
  SCHEMA_VERSION,
  type AnnotationsFile,
  type ArticleFile,
  type ArticleMeta,
  type LibraryFile,
  type Progress,
} from './schema';
