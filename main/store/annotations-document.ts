import type { Highlight } from '../../shared/annotation-model';
import type { StoreDocument } from './document';
import { StoreError } from './errors';
import {
  checkedHighlight,
  Journal,
  JOURNAL_FROM,
  journalFileOf,
  readJournal,
  replay,
  salvageJournal,
  type JournalContent,
  type JournalOp,
} from './journal';
import { annotationsParser, emptyAnnotations, fileForId } from './layout';
import { rebuildAnnotations } from './rebuild';
import { keepAside, loadDocument, report, type LoadPolicy } from './recovery';
import type { AnnotationsFile } from './schema';
import { SerialQueue } from './serial-queue';

/**
 * One article's annotations: the snapshot `annotations/<id>.json` plus the journal of changes saved since
 * (journal.ts). Saving one highlight appends one line to the journal; the held data then changes by that one
 * highlight, without copying or checking the others. An article with few highlights (JOURNAL_FROM) has its
 * small snapshot rewritten instead, and so keeps everything in one file. A full rewrite, or a journal grown
 * long, folds the journal into the snapshot (compaction): write the snapshot, then delete the journal. A crash
 * between the two leaves both, which reads the same, as every journal line states a highlight's whole state.
 *
 * Operations on one document run one at a time, in the order they were asked for. As with every store file,
 * the held data changes only once the change is durable, so a failed save leaves it as on disk.
 */
export class AnnotationsDocument {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly snapshot: StoreDocument<AnnotationsFile>,
    private readonly journal: Journal,
    private readonly articleId: string,
  ) {}

  /** The annotations as saved (frozen): snapshot and journal. */
  current(): AnnotationsFile {
    return this.snapshot.current();
  }

  /** Whether the journal has grown long enough to be folded in (COMPACT_AFTER). */
  get journalFull(): boolean {
    return this.journal.full;
  }

  /**
   * Adds `highlight`, or replaces the one with its id: one journal line. `guard`, given the annotations as
   * saved just before, may throw to refuse the change (nothing is written).
   */
  put(highlight: Highlight, guard?: (current: AnnotationsFile) => void): Promise<void> {
    return this.queue.run(async () => {
      guard?.(this.current());
      await this.save({
        op: 'put',
        highlight: checkedHighlight(highlight, this.articleId, this.journal.file),
      });
    });
  }

  /**
   * Replaces highlight `id` by `change(current)`, computed from the highlight as saved just before (so that two
   * changes asked for at once both land); StoreError 'not-found' if there is none. Resolves to what was saved.
   */
  change(id: string, change: (current: Highlight) => Highlight): Promise<Highlight> {
    return this.queue.run(async () => {
      const current = this.find(id);
      if (!current) {
        throw new StoreError(
          'not-found',
          this.journal.file,
          `There is no highlight ${id} in article ${this.articleId}.`,
        );
      }
      const next = checkedHighlight(change(current), this.articleId, this.journal.file);
      if (next.id !== id)
        throw new Error(`Refusing to write ${this.journal.file}: a change cannot alter an id.`);
      await this.save({ op: 'put', highlight: next });
      return next;
    });
  }

  /** Removes highlight `id`; resolves to it, or to null when there is none (then nothing is written). */
  delete(id: string): Promise<Highlight | null> {
    return this.queue.run(async () => {
      const current = this.find(id);
      if (current) await this.save({ op: 'del', id });
      return current ?? null;
    });
  }

  /** Rewrites the whole snapshot with `mutate` applied to a copy, after folding the journal in. */
  update(mutate: (draft: AnnotationsFile) => void): Promise<void> {
    return this.queue.run(async () => {
      // Fold first: a snapshot written with changes made after the journal's (a re-anchoring, a restore) and
      // left beside it by a crash would have those changes partly undone when the journal is replayed over it.
      await this.compactNow();
      await this.snapshot.update(mutate);
    });
  }

  /** Folds the journal into the snapshot: rewrites the snapshot, then deletes the journal. */
  compact(): Promise<void> {
    return this.queue.run(() => this.compactNow());
  }

  /** Deletes the journal, then the snapshot; afterwards the annotations are empty. */
  remove(): Promise<void> {
    return this.queue.run(async () => {
      await this.journal.remove();
      await this.snapshot.remove();
    });
  }

  private find(id: string): Highlight | undefined {
    return this.current().highlights.find((highlight) => highlight.id === id);
  }

  private async save(op: JournalOp): Promise<void> {
    const current = this.current();
    const next = { ...current, highlights: replay(current.highlights, [op]) };
    if (!this.journal.exists && current.highlights.length < JOURNAL_FROM) {
      await this.snapshot.replace(next); // a small file: rewritten whole, and checked whole, at little cost
      return;
    }
    await this.journal.append(op);
    this.snapshot.adopt(next);
  }

  private async compactNow(): Promise<void> {
    if (!this.journal.exists) return;
    if (this.journal.ops > 0) await this.snapshot.rewrite();
    await this.journal.remove();
  }
}

/**
 * Loads article `id`'s annotations: the snapshot with its journal replayed over it. A damaged snapshot is moved
 * aside and rebuilt from the newest verified backup that holds it (rebuild.ts), the journal then replayed over
 * that. A damaged journal is moved aside as `<id>.journal.corrupt-<timestamp>`; every change still readable in
 * it is replayed over the snapshot, which is rewritten at once; reported as damage to the annotations file.
 * A last change cut short by a crash is cut off and reported too. A journal from a newer version stops writes
 * (policy.metNewer) and is not shown: this version cannot tell what its lines mean.
 */
export async function loadAnnotations(policy: LoadPolicy, id: string): Promise<AnnotationsDocument> {
  const file = fileForId(policy.layout.annotations, id);
  const parse = annotationsParser(id);
  const snapshot = await loadDocument(
    policy,
    file,
    parse,
    () => emptyAnnotations(id),
    () => rebuildAnnotations(policy.layout, id, parse),
  );
  const journalFile = journalFileOf(file);
  const { content, salvaged } = await readJournalOrRecover(policy, journalFile, id, file);
  const ops = content?.ops ?? salvaged;
  if (ops.length > 0) {
    const current = snapshot.current();
    snapshot.adopt({ ...current, highlights: replay(current.highlights, ops) });
  }
  if (!content && salvaged.length > 0) await snapshot.rewrite(); // the journal is gone: keep its changes
  const journal = new Journal(journalFile, id, content);
  if (content && content.tornBytes > 0 && !policy.readOnly) {
    await journal.cutTornTail();
    await report(policy, {
      file,
      movedTo: null,
      reason: `${journalFile} ended with a change cut short (${content.tornBytes} bytes): a crash or power cut came while it was being saved.`,
      recovered: `That change had not been confirmed as saved and was left out; the ${content.ops.length} change(s) before it are kept.`,
    });
  }
  return new AnnotationsDocument(snapshot, journal, id);
}

async function readJournalOrRecover(
  policy: LoadPolicy,
  journalFile: string,
  id: string,
  snapshotFile: string,
): Promise<{ content: JournalContent<JournalOp> | null; salvaged: JournalOp[] }> {
  try {
    return { content: await readJournal(journalFile, id), salvaged: [] };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    if (error.code === 'newer-version') {
      policy.metNewer(error);
      return { content: null, salvaged: [] }; // never appended to: the store now refuses every write
    }
    if (error.code !== 'corrupt' || policy.readOnly) throw error;
    // Reported as damage to the article's annotations file: backups hold journaled changes folded into it, so
    // its backup is the one to offer, and restoring it replaces what the journal held.
    const movedTo = await keepAside(policy, journalFile, error);
    const { ops, unreadable } = await salvageJournal(movedTo, id);
    const lost =
      unreadable.length > 0
        ? ` Line(s) ${unreadable.join(', ')} could not be read: those changes are lost.`
        : '';
    await report(policy, {
      file: snapshotFile,
      movedTo,
      reason: error.message,
      recovered:
        ops.length > 0
          ? `Recovered ${ops.length} change(s) from the journal's readable lines into ${snapshotFile}.${lost}`
          : `Nothing in the journal could be read: the highlights are as last saved in ${snapshotFile}, without the journal's changes.`,
    });
    return { content: null, salvaged: ops };
  }
}
