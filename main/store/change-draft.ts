import { isDeepStrictEqual } from 'node:util';
import { writeAsset } from './assets';
import { describeInvalid } from './errors';
import type { FileStep } from './atomic-change';
import { journalFileOf } from './journal';
import { annotationsParser, articleParser, fileForId, parseLibrary, type StoreLayout } from './layout';
import { SCHEMA_VERSION, type AnnotationsFile, type ArticleFile, type LibraryFile } from './schema';

type Article = ArticleFile['article'];

/**
 * The files a change made of several files may touch, as they are when the change runs (no other write runs
 * meanwhile). Each is a copy to edit in place; nothing reaches the disk until the whole change is committed.
 */
export interface FilesChange {
  /** library.json as saved, to change in place. */
  readonly library: LibraryFile;
  /** Article `id`'s annotations as saved (its journal included), to change in place. */
  annotations(id: string): Promise<AnnotationsFile>;
  /** Writes an article's content (at import, or as a newer version of it). */
  writeArticle(article: Article): void;
  /** Deletes an article's content and annotations (the library entry is the caller's to remove). */
  removeArticle(id: string): void;
  /**
   * Stores a picture (`<sha256>.<ext>` of `bytes`) at once, before the commit: pictures are named by their
   * content and never rewritten, so one left by a change that then fails is only unreferenced. Writing it
   * inside the change keeps the trash from collecting it before the article naming it is committed.
   */
  writeAsset(name: string, bytes: Uint8Array): Promise<void>;
}

/** What a FilesChange comes to: the files to write or delete, and the new library if it changed. */
export type ChangePlan = { steps: FileStep[]; library: LibraryFile | null };

/** Collects the edits of a FilesChange, then checks every file and turns them into steps. */
export class ChangeDraft implements FilesChange {
  readonly library: LibraryFile;
  private readonly annotationDrafts = new Map<string, { saved: AnnotationsFile; draft: AnnotationsFile }>();
  private readonly articles = new Map<string, Article>();
  private readonly removed = new Set<string>();

  constructor(
    private readonly layout: StoreLayout,
    private readonly savedLibrary: LibraryFile,
    private readonly savedAnnotations: (id: string) => Promise<AnnotationsFile>,
  ) {
    this.library = structuredClone(savedLibrary);
  }

  async annotations(id: string): Promise<AnnotationsFile> {
    let entry = this.annotationDrafts.get(id);
    if (!entry) {
      const saved = await this.savedAnnotations(id);
      entry = { saved, draft: structuredClone(saved) };
      this.annotationDrafts.set(id, entry);
    }
    return entry.draft;
  }

  writeArticle(article: Article): void {
    fileForId(this.layout.articles, article.id);
    this.articles.set(article.id, structuredClone(article));
  }

  removeArticle(id: string): void {
    fileForId(this.layout.articles, id);
    this.removed.add(id);
  }

  writeAsset(name: string, bytes: Uint8Array): Promise<void> {
    return writeAsset(this.layout.dataDir, name, bytes);
  }

  /** Every file checked as it would be read back; throws (writing nothing) when one would not pass. */
  plan(): ChangePlan {
    const steps: FileStep[] = [];
    for (const [id, article] of this.articles) {
      if (this.removed.has(id)) continue;
      const file = fileForId(this.layout.articles, id);
      steps.push({
        file,
        content: checked(file, articleParser(id), { schemaVersion: SCHEMA_VERSION, article }),
      });
    }
    for (const [id, { saved, draft }] of this.annotationDrafts) {
      if (this.removed.has(id) || isDeepStrictEqual(saved, draft)) continue;
      const file = fileForId(this.layout.annotations, id);
      // The snapshot holds every highlight now: the journal's lines are in it, and must not be replayed over it.
      steps.push({ file, content: checked(file, annotationsParser(id), draft) });
      steps.push({ file: journalFileOf(file), content: null });
    }
    for (const id of this.removed) {
      const annotations = fileForId(this.layout.annotations, id);
      steps.push({ file: fileForId(this.layout.articles, id), content: null });
      steps.push({ file: journalFileOf(annotations), content: null });
      steps.push({ file: annotations, content: null });
    }
    const changed = !isDeepStrictEqual(this.library, this.savedLibrary);
    if (changed) {
      steps.push({
        file: this.layout.library,
        content: checked(this.layout.library, parseLibrary, this.library),
      });
    }
    return { steps, library: changed ? parseLibrary(this.library) : null };
  }
}

// Never write what could not be read back: that would turn a caller's bug into a corrupt file.
function checked(file: string, parse: (data: unknown) => unknown, data: unknown): string {
  try {
    parse(data);
  } catch (error) {
    throw new Error(`Refusing to write ${file}: ${describeInvalid(error)}`, { cause: error });
  }
  return JSON.stringify(data, null, 2) + '\n';
}
