import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describeTarget, resolveAll } from '../annotations/anchor';
import type { Highlight } from '../../shared/annotation-model';
import { canonicalText } from '../../shared/article-model';
import type { ImportedFile } from '../articles';
import type { ArticleMeta, FilesChange } from '../store';
import type {
  AnchorReport,
  ArticleSummary,
  ImportOutcome,
  Inputs,
  Outputs,
  ResolvedHighlight,
} from './contract';
import { HamishError, toApiError } from './errors';
import { importBytes, importFileToArticle } from './import-thread';
import type { ServiceDeps } from './service-deps';

type Deps = ServiceDeps & {
  /** An article's highlights resolved in its current text (the highlight method set's). */
  resolvedHighlights: (articleId: string) => Promise<ResolvedHighlight[]>;
};

type ContractPart = {
  [
    M in
      | 'listArticles'
      | 'openArticle'
      | 'saveProgress'
      | 'importData'
      | 'importFromDialog'
      | 'updateArticleSource'
  ]: (input: Inputs[M]) => Promise<Outputs[M]>;
};

export type ArticleMethods = ContractPart & {
  // Outside the contract because they take a path: the page never names one (docs/ARCHITECTURE.md,
  // "The service"); the command line and the first run do.
  importFiles(files: readonly string[]): Promise<ImportOutcome[]>;
  /** Replaces an article's content by a newer version of its source; its highlights re-anchor. */
  updateArticleFrom(id: string, file: string): Promise<AnchorReport[]>;
};

/** Steps the web method set shares with imports: adding an article, replacing one's content. */
export type ArticleSteps = {
  /** Adds an imported article to the library, or names the one already holding the same content. */
  addArticle(file: string, load: () => Promise<ImportedFile>): Promise<ImportOutcome>;
  /** Replaces an article's content by a newer version of it (a file, or its page fetched again). */
  replaceContent(id: string, imported: ImportedFile): Promise<AnchorReport[]>;
  /** What the library list shows of an article (the library method set lists the trash with it). */
  summary(article: ArticleMeta): Promise<ArticleSummary>;
};

const FIRST_LINE_LENGTH = 140;

/** The host of a web address, for naming a site that did not name itself. */
function hostOf(address: string): string {
  try {
    return new URL(address).hostname;
  } catch {
    return address;
  }
}

function newId(): string {
  return randomBytes(8).toString('hex');
}

function firstLineOf(imported: ImportedFile): string {
  // A date line or byline says nothing of what the article is about; the card shows its opening words.
  const firstParagraph =
    imported.blocks.find((block) => block.kind !== 'heading' && !block.secondary) ?? imported.blocks[0];
  return (firstParagraph?.text ?? '').slice(0, FIRST_LINE_LENGTH);
}

/** Stores an import's pictures inside the change that commits the article referring to them. */
async function storeAssets(change: FilesChange, imported: ImportedFile): Promise<void> {
  for (const [name, bytes] of imported.assets) await change.writeAsset(name, bytes);
}

/**
 * Articles: importing, opening, reading progress, replacing content by a newer version. An import's content
 * file and library entry are committed in one store change (docs/ARCHITECTURE.md, "Data flow: import a file").
 */
export function articleMethods(deps: Deps): { methods: ArticleMethods; steps: ArticleSteps } {
  const { store, options, now, changed, requireArticle, liveArticles, resolvedHighlights } = deps;

  async function addArticle(file: string, load: () => Promise<ImportedFile>): Promise<ImportOutcome> {
    try {
      const imported = await load();
      // Content file and library entry are committed together; the duplicate check runs in the same change,
      // so the same file imported twice at once is added once.
      const outcome = await store.changeFiles(async (change): Promise<ImportOutcome & { ok: true }> => {
        const existing = change.library.articles.find(
          (article) => article.source.sha256 === imported.sha256 && article.deletedAt === null,
        );
        if (existing) return { ok: true, id: existing.id, title: existing.title, duplicate: true };
        const id = newId();
        await storeAssets(change, imported);
        const source = {
          kind: imported.kind,
          // A page saved from the web is named by its address, a file by its name.
          name: imported.web ? file : path.basename(file),
          sha256: imported.sha256,
          importedAt: now().toISOString(),
          ...(imported.web && { web: imported.web }),
        };
        const { title, lang, dir, blocks, toc } = imported;
        change.writeArticle({ id, title, lang, dir, source, blocks, ...(toc ? { toc } : {}) });
        change.library.articles.push({
          id,
          title,
          lang,
          dir,
          source,
          firstLine: firstLineOf(imported),
          tags: [],
          note: '',
          progress: null,
          deletedAt: null,
        });
        return { ok: true, id, title, duplicate: false };
      });
      if (!outcome.duplicate) changed({ articleId: outcome.id, what: 'article' });
      return outcome;
    } catch (error) {
      const { code, message } = toApiError(error);
      return { ok: false, file, code, message };
    }
  }

  async function replaceContent(id: string, imported: ImportedFile): Promise<AnchorReport[]> {
    requireArticle(id);
    const text = canonicalText(imported.blocks);
    // Content, re-anchored highlights and library entry are committed together, from the files as they are
    // when the change runs (a highlight saved while the file was being read is re-anchored too).
    const reports = await store.changeFiles(async (change) => {
      const target = change.library.articles.find((a) => a.id === id && a.deletedAt === null);
      if (!target) throw new HamishError('not-found', `No article with id ${id}.`);
      await storeAssets(change, imported);
      const source = {
        ...target.source,
        kind: imported.kind,
        sha256: imported.sha256,
        ...(imported.web && { web: imported.web }),
      };
      change.writeArticle({
        id,
        title: imported.title,
        lang: imported.lang,
        dir: imported.dir,
        source,
        blocks: imported.blocks,
        ...(imported.toc ? { toc: imported.toc } : {}),
      });
      const annotations = await change.annotations(id);
      const anchors = resolveAll(
        text,
        annotations.highlights.map((h) => h.target),
      );
      const reports: AnchorReport[] = [];
      annotations.highlights = annotations.highlights.map((highlight: Highlight, i) => {
        const anchor = anchors[i] ?? { status: 'orphan' as const, start: -1, end: -1 };
        reports.push({ id: highlight.id, ...anchor });
        // An orphan keeps its old quote and context, so it can be found again by a later version.
        return anchor.status === 'orphan'
          ? highlight
          : { ...highlight, target: describeTarget(text, anchor.start, anchor.end) };
      });
      target.title = imported.title;
      target.lang = imported.lang;
      target.dir = imported.dir;
      target.firstLine = firstLineOf(imported);
      target.source = source;
      // The old reading position may point past the end of a shorter version.
      if (target.progress && target.progress.offset > text.length) target.progress = null;
      return reports;
    });
    changed({ articleId: id, what: 'article' });
    return reports;
  }

  /** What the library list shows of an article. */
  async function summary(article: ArticleMeta): Promise<ArticleSummary> {
    const annotations = await store.annotations(article.id);
    return {
      id: article.id,
      title: article.title,
      lang: article.lang,
      dir: article.dir,
      firstLine: article.firstLine,
      tags: article.tags,
      highlights: annotations.highlights.length,
      importedAt: article.source.importedAt,
      progress: article.progress && { offset: article.progress.offset, fraction: article.progress.fraction },
      lastReadAt: article.progress?.updatedAt ?? null,
      ...(article.source.web && { site: article.source.web.site ?? hostOf(article.source.web.url) }),
    };
  }

  async function importFiles(files: readonly string[]): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    // One at a time: imports are I/O bound and the library file takes one write each.
    for (const file of files) outcomes.push(await addArticle(file, () => importFileToArticle(file)));
    return outcomes;
  }

  async function updateArticleFrom(id: string, file: string): Promise<AnchorReport[]> {
    requireArticle(id);
    return replaceContent(id, await importFileToArticle(file));
  }

  const methods: ArticleMethods = {
    importFiles,
    updateArticleFrom,

    async importData({ name, base64 }) {
      // The page sends a dropped file's content, never its path; the name only picks the importer.
      return addArticle(name, async () => importBytes(Buffer.from(base64, 'base64'), path.basename(name)));
    },

    async importFromDialog() {
      return importFiles(options.chooseImportFiles ? await options.chooseImportFiles() : []);
    },

    async updateArticleSource({ id }) {
      requireArticle(id);
      const file = options.chooseFile ? await options.chooseFile('update-article') : null;
      return file === null ? null : updateArticleFrom(id, file);
    },

    async listArticles() {
      return Promise.all(liveArticles().map(summary));
    },

    async openArticle({ id }) {
      const found = requireArticle(id);
      const article = await store.readArticle(id);
      return {
        id,
        title: found.title,
        lang: article.lang,
        dir: article.dir,
        blocks: article.blocks,
        ...(article.toc ? { toc: article.toc } : {}),
        note: found.note,
        tags: found.tags,
        progress: found.progress && { offset: found.progress.offset, fraction: found.progress.fraction },
        highlights: await resolvedHighlights(id),
        source: found.source,
      };
    },

    async saveProgress({ id, offset, fraction }) {
      requireArticle(id);
      const article = await store.readArticle(id);
      const length = canonicalText(article.blocks).length;
      if (offset > length)
        throw new HamishError('invalid-input', `Offset ${offset} is past the end of the article.`);
      await store.updateLibrary((library) => {
        const target = library.articles.find((entry) => entry.id === id && entry.deletedAt === null);
        if (!target) throw new HamishError('not-found', `No article with id ${id}.`);
        target.progress = { offset, fraction, updatedAt: now().toISOString() };
      });
      return null;
    },
  };
  return { methods, steps: { addArticle, replaceContent, summary } };
}
