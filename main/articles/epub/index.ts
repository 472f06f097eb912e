/** EPUB books: the front door of the book importer (see book.ts for what a book becomes and its limits). */
export { parseEpub, MAX_CHAPTERS, MAX_CHAPTER_BYTES, type ImportedBook } from './book';
export { MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_RATIO, MAX_TOTAL_BYTES } from './zip';
