import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkStore, type StoreProblem } from './check';
import { DocumentCache, StoreDocument } from './document';
import { errnoCode, StoreError } from './errors';
import {
  annotationsParser,
  articleParser,
  emptyAnnotations,
  emptyLibrary,
  fileForId,
  parseLibrary,
  storeLayout,
  type StoreLayout,
} from './layout';
import { SCHEMA_VERSION, type AnnotationsFile, type ArticleFile, type LibraryFile } from './schema';

type Article = ArticleFile['article'];

/**
 * The files of one data folder (DESIGN.md "Store on disk"). Every write resolves only once it is durably on
 * disk; a failed write leaves the data in memory as it is on disk. Data handed out is frozen: copy it to change
 * it, and save changes through the update methods.
 */
export interface Store {
  /** The absolute path of the data folder. */
  readonly dataDir: string;
  /** library.json as saved (or its defaults before the first save). */
  library(): LibraryFile;
  /** Changes library.json: `mutate` edits a copy, which is validated and written. */
  updateLibrary(mutate: (library: LibraryFile) => void): Promise<void>;
  /** An article's content; StoreError 'not-found' if it has no file. */
  readArticle(id: string): Promise<Article>;
  /** Writes an article's content, at import or as an explicit update of the article. */
  writeArticle(article: Article): Promise<void>;
  /** An article's annotations file (empty if it has none yet). */
  annotations(id: string): Promise<AnnotationsFile>;
  /** Changes one article's annotations file, and no other file. */
  updateAnnotations(id: string, mutate: (file: AnnotationsFile) => void): Promise<void>;
  /** Deletes an article's content and annotations files (the library entry is the caller's to change). */
  removeArticleFiles(id: string): Promise<void>;
  /** Reads and validates every file without changing anything; an empty list means healthy. */
  check(): Promise<StoreProblem[]>;
}

/**
 * Opens the store in `dataDir`, creating its folders. Throws StoreError 'unwritable' (or 'disk-full') if the
 * folder cannot be created or written, and 'corrupt' or 'newer-version' if library.json cannot be used.
 */
export async function openStore(dataDir: string): Promise<Store> {
  const layout = storeLayout(dataDir);
  await prepareFolders(layout);
  const library = await StoreDocument.load(layout.library, parseLibrary, emptyLibrary);
  return new FolderStore(layout, library);
}

class FolderStore implements Store {
  private readonly articleDocs = new DocumentCache<ArticleFile>();
  private readonly annotationDocs = new DocumentCache<AnnotationsFile>();

  constructor(
    private readonly layout: StoreLayout,
    private readonly libraryDoc: StoreDocument<LibraryFile>,
  ) {}

  get dataDir(): string {
    return this.layout.dataDir;
  }

  library(): LibraryFile {
    return this.libraryDoc.current();
  }

  updateLibrary(mutate: (library: LibraryFile) => void): Promise<void> {
    return this.libraryDoc.update(mutate);
  }

  async readArticle(id: string): Promise<Article> {
    return (await this.articleDoc(id)).current().article;
  }

  async writeArticle(article: Article): Promise<void> {
    await (await this.articleDoc(article.id)).replace({ schemaVersion: SCHEMA_VERSION, article });
  }

  async annotations(id: string): Promise<AnnotationsFile> {
    return (await this.annotationsDoc(id)).current();
  }

  async updateAnnotations(id: string, mutate: (file: AnnotationsFile) => void): Promise<void> {
    await (await this.annotationsDoc(id)).update(mutate);
  }

  async removeArticleFiles(id: string): Promise<void> {
    const [article, annotations] = await Promise.all([this.articleDoc(id), this.annotationsDoc(id)]);
    await Promise.all([article.remove(), annotations.remove()]);
  }

  check(): Promise<StoreProblem[]> {
    return checkStore(this.layout);
  }

  private articleDoc(id: string): Promise<StoreDocument<ArticleFile>> {
    const file = fileForId(this.layout.articles, id);
    return this.articleDocs.get(id, () => StoreDocument.load(file, articleParser(id)));
  }

  private annotationsDoc(id: string): Promise<StoreDocument<AnnotationsFile>> {
    const file = fileForId(this.layout.annotations, id);
    return this.annotationDocs.get(id, () =>
      StoreDocument.load(file, annotationsParser(id), () => emptyAnnotations(id)),
    );
  }
}

/** Creates the data folder and its subfolders, and proves the data folder writable with a probe file. */
async function prepareFolders(layout: StoreLayout): Promise<void> {
  await makeFolder(layout.dataDir);
  const probe = path.join(layout.dataDir, `.write-probe.${process.pid}.${randomBytes(6).toString('hex')}`);
  try {
    await fs.writeFile(probe, '', { flag: 'wx' });
    await fs.rm(probe);
  } catch (error) {
    await fs.rm(probe, { force: true }).catch(() => undefined);
    throw unusableFolder(error, layout.dataDir);
  }
  for (const folder of [layout.articles, layout.annotations, layout.backups]) await makeFolder(folder);
}

async function makeFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    throw unusableFolder(error, folder);
  }
}

// Whatever stops the folder from being created or written (no permission, read-only disk, a file in the way)
// means the same to the user: choose another data folder.
function unusableFolder(error: unknown, folder: string): StoreError {
  const code = errnoCode(error) ?? 'unknown error';
  const options = { cause: error };
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new StoreError(
      'disk-full',
      folder,
      `Cannot write in ${folder}: the disk is full (${code}).`,
      options,
    );
  }
  return new StoreError(
    'unwritable',
    folder,
    `Cannot create or write the data folder ${folder} (${code}).`,
    options,
  );
}
