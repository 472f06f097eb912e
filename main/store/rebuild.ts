import fs from 'node:fs/promises';
import path from 'node:path';
import { listBackups } from './backups';
import { DurableJsonFile } from './durable-file';
import { errnoCode } from './errors';
import { articleParser, emptyAnnotations, parseLibrary, type StoreLayout } from './layout';
import { readVerifiedBackup } from './restore';
import {
  ArticleMetaSchema,
  IdSchema,
  SCHEMA_VERSION,
  type AnnotationsFile,
  type ArticleFile,
  type ArticleMeta,
  type LibraryFile,
} from './schema';

/*
 * What the store rebuilds a damaged file from, instead of starting it empty: library.json from the article files
 * on disk (with what the newest verified backup and the damaged copy still tell about each article), an
 * annotations file from the newest verified backup that holds it. Each says, in English, what it recovered and
 * from where, for the report the user gets.
 */

/** Data rebuilt for a damaged file, and a sentence saying what it came from. */
export type Rebuilt<T> = { data: T; recovered: string };

// As the library list shows it: the opening of the first paragraph.
const FIRST_LINE_LENGTH = 140;

/** The first verified copy of `relative` among the backups (newest first), parsed; null when none has one. */
async function fromNewestBackup<T>(
  layout: StoreLayout,
  relative: string,
  parse: (data: unknown) => T,
): Promise<{ data: T; backup: string; createdAt: string } | null> {
  const backups = await listBackups(layout).catch(() => []);
  for (const { name, createdAt } of backups) {
    try {
      const verified = await readVerifiedBackup(layout, name, [relative]);
      const bytes = verified.files[0]?.bytes;
      if (bytes) return { data: parse(JSON.parse(bytes.toString('utf8'))), backup: name, createdAt };
    } catch {
      // Not in this backup, or this backup's copy is damaged or too new: try an older one.
    }
  }
  return null;
}

/**
 * An article's annotations as its newest verified backup holds them (the journal, if any, is replayed over
 * them afterwards by the caller); empty when no backup holds them.
 */
export async function rebuildAnnotations(
  layout: StoreLayout,
  id: string,
  parse: (data: unknown) => AnnotationsFile,
): Promise<Rebuilt<AnnotationsFile>> {
  const found = await fromNewestBackup(layout, `annotations/${id}.json`, parse);
  if (!found) {
    return {
      data: emptyAnnotations(id),
      recovered:
        'No backup holds this file, so the article starts again without highlights (apart from any in its journal).',
    };
  }
  return {
    data: found.data,
    recovered:
      `Recovered ${found.data.highlights.length} highlight(s) from the newest verified backup, ${found.backup} ` +
      `(made ${found.createdAt}), with the article's journal replayed over them; changes saved after that ` +
      'backup and not in the journal are only in the damaged copy.',
  };
}

/** An article's content as the newest verified backup holds it; null when none does. */
export async function rebuildArticle(
  layout: StoreLayout,
  id: string,
  parse: (data: unknown) => ArticleFile,
): Promise<Rebuilt<ArticleFile> | null> {
  const found = await fromNewestBackup(layout, `articles/${id}.json`, parse);
  return (
    found && {
      data: found.data,
      recovered: `Recovered the article from the newest verified backup, ${found.backup} (made ${found.createdAt}).`,
    }
  );
}

/**
 * library.json rebuilt from the article files in `articles/`: titles, languages, sources and first lines from
 * each file; tags, notes, reading positions, trash state and settings from the readable parts of the damaged
 * copy (`damagedCopy`) where it still has them, else from the newest verified backup's library.
 */
export async function rebuildLibrary(
  layout: StoreLayout,
  damagedCopy: string,
): Promise<Rebuilt<LibraryFile>> {
  const articles = await readArticles(layout.articles);
  const backup = await fromNewestBackup(layout, 'library.json', parseLibrary);
  const salvaged = await salvageLibrary(damagedCopy);
  const known = new Map<string, { meta: ArticleMeta; from: 'damaged' | 'backup' }>();
  for (const meta of backup?.data.articles ?? []) known.set(meta.id, { meta, from: 'backup' });
  for (const meta of salvaged.articles) known.set(meta.id, { meta, from: 'damaged' });
  // The library's own order where it is known (the damaged copy's, else the backup's), then by import date.
  const order = [...salvaged.articles, ...(backup?.data.articles ?? [])].map((meta) => meta.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  articles.sort((a, b) => rank(a.id) - rank(b.id) || a.source.importedAt.localeCompare(b.source.importedAt));
  const counts = { damaged: 0, backup: 0, none: 0 };
  const entries = articles.map((article): ArticleMeta => {
    const old = known.get(article.id);
    counts[old?.from ?? 'none']++;
    const firstParagraph = article.blocks.find((block) => block.kind !== 'heading') ?? article.blocks[0];
    return {
      id: article.id,
      title: article.title,
      lang: article.lang,
      dir: article.dir,
      source: article.source,
      firstLine: (firstParagraph?.text ?? '').slice(0, FIRST_LINE_LENGTH),
      tags: old?.meta.tags ?? [],
      note: old?.meta.note ?? '',
      progress: old?.meta.progress ?? null,
      deletedAt: old?.meta.deletedAt ?? null,
    };
  });
  const settings = salvaged.settings ?? backup?.data.settings ?? {};
  const parts = [
    `Rebuilt the list of ${entries.length} article(s) from the article files in ${layout.articles}.`,
  ];
  if (counts.damaged > 0) {
    parts.push(
      `Tags, notes and reading positions of ${counts.damaged} came from the readable part of the damaged copy.`,
    );
  }
  if (counts.backup > 0) {
    parts.push(`Those of ${counts.backup} came from the newest verified backup, ${backup?.backup ?? ''}.`);
  }
  if (counts.none > 0) parts.push(`${counts.none} had none known and start without tags or notes.`);
  return { data: { schemaVersion: SCHEMA_VERSION, articles: entries, settings }, recovered: parts.join(' ') };
}

/** Every article file that reads as valid; damaged ones are left for the store to report when opened. */
async function readArticles(folder: string): Promise<ArticleFile['article'][]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  const articles: ArticleFile['article'][] = [];
  for (const name of names.sort()) {
    const id = name.slice(0, -'.json'.length);
    if (!name.endsWith('.json') || !IdSchema.safeParse(id).success) continue;
    const file = await new DurableJsonFile(path.join(folder, name), articleParser(id))
      .read()
      .catch(() => null);
    if (file) articles.push(file.article);
  }
  return articles;
}

/** The entries and settings a damaged library.json still holds, if it is JSON at all. */
async function salvageLibrary(file: string): Promise<{ articles: ArticleMeta[]; settings: unknown }> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return { articles: [], settings: undefined };
  }
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const entries = Array.isArray(object.articles) ? (object.articles as unknown[]) : [];
  return {
    articles: entries.flatMap((entry) => {
      const parsed = ArticleMetaSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    }),
    settings: typeof object.settings === 'object' && object.settings !== null ? object.settings : undefined,
  };
}
