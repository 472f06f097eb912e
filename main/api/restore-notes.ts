import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, uniqueTags } from '../annotations/limits';
import type { Highlight } from '../../shared/annotation-model';
import { parseWebAnnotationJson } from '../export';
import type { ArticleMeta, Store } from '../store';
import type { RestoreReport } from './contract';
import { HamishError } from './errors';

/** A restore file larger than this is refused before it is read (an export of 100,000 highlights is ~130 MB). */
export const MAX_RESTORE_BYTES = 150 * 1024 * 1024;

function sameContent(a: Highlight, b: Highlight): boolean {
  return (
    a.color === b.color &&
    a.target.exact === b.target.exact &&
    a.target.start === b.target.start &&
    a.note === b.note &&
    a.tags.join('\u0000') === b.tags.join('\u0000')
  );
}

/** Long input in a message is cut: an id or a title from a hostile file could be megabytes long. */
function cut(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Why a highlight breaks the limits every other way of saving one applies (the UI and the CLI), or null. */
function overLimit(highlight: Highlight): string | null {
  if (highlight.note.length > MAX_NOTE_LENGTH) {
    return `its note has ${highlight.note.length} characters (at most ${MAX_NOTE_LENGTH})`;
  }
  if (highlight.tags.length > MAX_TAGS) return `it has ${highlight.tags.length} tags (at most ${MAX_TAGS})`;
  const long = highlight.tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  return long === undefined
    ? null
    : `a tag has ${long.length} characters (at most ${MAX_TAG_LENGTH}): «${cut(long)}»`;
}

/**
 * Brings back annotations from a Hamish JSON export: new highlights are added, identical ones skipped, and
 * ones whose id exists here with other content are reported and left alone. Articles are matched by id, else
 * by the hash of their source file. The restore is all or nothing: an article that is not in the library, or
 * a highlight over the note and tag limits, refuses the whole file, and the highlights of every article are
 * committed together (a disk full part-way changes nothing).
 */
export async function restoreNotes(store: Store, text: string, file: string): Promise<RestoreReport> {
  const parsed = parseWebAnnotationJson(text);
  if (!parsed.ok) {
    const code = parsed.code === 'newer-version' ? 'newer-version' : 'invalid-input';
    throw new HamishError(code, `${file}: ${parsed.message}`, file);
  }
  const refuse = (code: 'not-found' | 'invalid-input', problem: string): never => {
    throw new HamishError(code, `${file}: ${problem} Nothing was changed.`, file);
  };
  // Planned from the files as they are when the change runs: a highlight saved meanwhile is counted too.
  return store.changeFiles(async (change) => {
    const live = change.library.articles.filter((article: ArticleMeta) => article.deletedAt === null);
    const report: RestoreReport = { added: 0, identical: 0, conflicts: [] };
    const missing: string[] = [];
    for (const { meta, highlights } of parsed.value.articles) {
      const local =
        live.find((article) => article.id === meta.id) ??
        live.find((article) => article.source.sha256 === meta.source.sha256);
      if (!local) {
        missing.push(`«${cut(meta.title)}»`);
        continue;
      }
      const annotations = await change.annotations(local.id);
      for (const exported of highlights) {
        const highlight: Highlight = {
          id: exported.id,
          articleId: local.id,
          color: exported.color,
          target: exported.target,
          note: exported.note,
          tags: uniqueTags(exported.tags),
          createdAt: exported.createdAt,
          updatedAt: exported.updatedAt,
        };
        const why = overLimit(highlight);
        if (why)
          refuse(
            'invalid-input',
            `the highlight ${cut(highlight.id)} of «${cut(meta.title)}» is refused: ${why}.`,
          );
        // The review state comes back with its highlight, unless this library already has one for it.
        const review = parsed.value.reviews[highlight.id];
        if (review && !change.library.review?.highlights[highlight.id]) {
          const current = change.library.review ?? { highlights: {}, days: [] };
          change.library.review = {
            ...current,
            highlights: { ...current.highlights, [highlight.id]: review },
          };
        }
        const here = annotations.highlights.find((h) => h.id === highlight.id);
        if (!here) {
          annotations.highlights.push(highlight);
          report.added++;
        } else if (sameContent(here, highlight)) report.identical++;
        else
          report.conflicts.push({
            id: highlight.id,
            article: local.title,
            reason: 'a different version exists here',
          });
      }
    }
    if (missing.length > 0) {
      refuse(
        'not-found',
        `${missing.length} article(s) of this export are not in the library: ${missing.slice(0, 10).join(', ')}. Import them first, then restore again.`,
      );
    }
    return report;
  });
}
