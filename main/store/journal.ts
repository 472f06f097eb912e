import { constants } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Highlight } from '../../shared/annotation-model';
import { syncDirectory, writeFileDurably } from './durable-file';
import { describeInvalid, errnoCode, StoreError, storeErrorFromFs } from './errors';
import { HighlightSchema, IdSchema, SCHEMA_VERSION } from './schema';

/*
 * An article's annotations journal, `annotations/<id>.journal`: the changes saved since its snapshot
 * `annotations/<id>.json` was last written, one JSON line each. Saving one note appends one line and fsyncs it
 * (a few kilobytes) instead of rewriting a snapshot that can hold megabytes. The first line is a header naming
 * the article and the schema version; then `{"op":"put","highlight":{…}}` (the highlight's full new state) or
 * `{"op":"del","id":"…"}`. Because a put carries the whole state, replaying a line twice changes nothing.
 */

/** One saved change to an article's highlights. */
export type JournalOp = { op: 'put'; highlight: Highlight } | { op: 'del'; id: string };

/** What a journal file holds, as far as it is intact. */
export type JournalContent<Op> = {
  /** The schema version its header names. */
  schemaVersion: number;
  ops: Op[];
  /** Bytes of the intact part: the header and every whole, valid line. */
  intactBytes: number;
  /** Bytes after it: a write cut short by a crash (never acknowledged), removed before the next append. */
  tornBytes: number;
};

/**
 * When a journal is folded into its snapshot. Replaying 500 lines at load takes a few milliseconds, and 256 KB
 * parses in about as long; folding costs one rewrite of the snapshot (some 50 ms for 10,000 highlights), so at
 * most one save in 500 pays for it, and then in the background. The byte limit bounds the journal when notes
 * are long (a 100,000-character note makes a line of up to 300 KB: such a journal is folded after every save).
 */
export const COMPACT_AFTER = { ops: 500, bytes: 256 * 1024 };

/**
 * An article with fewer highlights than this (and no journal) has its snapshot rewritten whole on each save:
 * at 99 highlights that took 1.8 ms here, against 0.4 ms for an append, both far below what a user notices.
 * Such an article keeps all it has in one plain file, which an older Hamish, a backup tool or a person can read
 * as it is. Larger articles journal their changes, as a rewrite grows with them (175 ms at 10,000).
 */
export const JOURNAL_FROM = 100;

const HeaderSchema = z.object({
  op: z.literal('journal'),
  schemaVersion: z.number().int().min(0),
  articleId: IdSchema,
});

const OpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), highlight: HighlightSchema }),
  z.object({ op: z.literal('del'), id: IdSchema }),
]);

/** A change read from a journal of any version: only what folding it in needs (a highlight's id). */
export type LooseOp = { op: 'put'; highlight: { id: string } } | { op: 'del'; id: string };

const LooseOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), highlight: z.looseObject({ id: z.string() }) }),
  z.object({ op: z.literal('del'), id: z.string() }),
]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

// A journal is opened without following a symbolic link (where the system can refuse to): a link in its place
// would make the store write through it, to a file anywhere, so it is damage, not a journal.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** The journal beside an annotations snapshot: `<id>.json` → `<id>.journal`. */
export function journalFileOf(annotationsFile: string): string {
  return path.join(path.dirname(annotationsFile), `${path.basename(annotationsFile, '.json')}.journal`);
}

/** The article ids that have a journal in `folder` (sorted); moved-aside and temp files are not journals. */
export async function listJournalIds(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw storeErrorFromFs(error, folder, 'list');
  }
  return names
    .filter((name) => name.endsWith('.journal'))
    .map((name) => name.slice(0, -'.journal'.length))
    .filter((id) => IdSchema.safeParse(id).success)
    .sort();
}

/** Checks a highlight before it is journaled; throws (a caller's bug) rather than write what cannot be read. */
export function checkedHighlight(highlight: Highlight, articleId: string, file: string): Highlight {
  try {
    const checked = HighlightSchema.parse(highlight);
    if (checked.articleId !== articleId) throw new Error(`it belongs to article ${checked.articleId}`);
    return checked;
  } catch (error) {
    throw new Error(`Refusing to write ${file}: ${describeInvalid(error)}`, { cause: error });
  }
}

/**
 * Reads a journal of this version (null when there is none). A damaged LAST line is a write cut short by a
 * crash: it was never acknowledged, so it is left out (see tornBytes). A damaged line followed by a valid one
 * cannot come from a crash: StoreError 'corrupt'. A journal from a newer version: 'newer-version'.
 */
export function readJournal(file: string, articleId: string): Promise<JournalContent<JournalOp> | null> {
  return readJournalFile(file, articleId, (json) => {
    const op = OpSchema.parse(json);
    if (op.op === 'put' && op.highlight.articleId !== articleId) {
      throw new Error(`it holds a highlight of article ${op.highlight.articleId}`);
    }
    return op;
  });
}

/**
 * Reads a journal of this or an older version, checking of each change only that it names a highlight: for a
 * migration, which folds it into its snapshot of the same version before bringing that up to date.
 */
export function readJournalOfAnyVersion(
  file: string,
  articleId: string,
): Promise<JournalContent<LooseOp> | null> {
  return readJournalFile(file, articleId, (json) => LooseOpSchema.parse(json), { olderVersions: true });
}

/**
 * Every readable change in a damaged journal (kept aside at `file`), for this article, in order, and the
 * numbers of the lines that could not be read. A symbolic link is not read: nothing is salvaged from it.
 */
export async function salvageJournal(
  file: string,
  articleId: string,
): Promise<{ ops: JournalOp[]; unreadable: number[] }> {
  const corrupt = (problem: string) => new StoreError('corrupt', file, problem);
  const bytes = await readNoFollow(file, corrupt).catch(() => null);
  const ops: JournalOp[] = [];
  const unreadable: number[] = [];
  if (!bytes) return { ops, unreadable };
  wholeLines(bytes).forEach((line, index) => {
    if (index === 0 && parseLine(bytes, line, (json) => HeaderSchema.parse(json)).ok) return;
    const parsed = parseLine(bytes, line, (json) => {
      const op = OpSchema.parse(json);
      if (op.op === 'put' && op.highlight.articleId !== articleId) throw new Error('another article');
      return op;
    });
    if (parsed.ok) ops.push(parsed.value);
    else unreadable.push(index + 1);
  });
  return { ops, unreadable };
}

type Line = { start: number; end: number };
type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };

async function readJournalFile<Op>(
  file: string,
  articleId: string,
  parseOp: (json: unknown) => Op,
  options: { olderVersions?: boolean } = {},
): Promise<JournalContent<Op> | null> {
  const corrupt = (problem: string) => new StoreError('corrupt', file, `${file} is damaged: ${problem}.`);
  const bytes = await readNoFollow(file, corrupt);
  if (bytes === null) return null;
  const lines = wholeLines(bytes);
  const header = lines[0] && parseLine(bytes, lines[0], (json) => HeaderSchema.parse(json));
  const changes = lines.slice(1).map((line) => parseLine(bytes, line, parseOp));
  if (!header?.ok) {
    // A journal comes into being whole, header and first change (Journal.append): it is never seen empty or
    // with its header cut short, so whatever stands in the header's place is damage, however it looks.
    throw corrupt(headerProblem(bytes));
  }
  const { schemaVersion, articleId: owner } = header.value;
  if (schemaVersion > SCHEMA_VERSION) {
    throw new StoreError(
      'newer-version',
      file,
      `${file} was written by a newer version of Hamish (schema ${schemaVersion}; this version reads ${SCHEMA_VERSION}).`,
    );
  }
  if (owner !== articleId) throw corrupt(`it belongs to article ${owner}, not ${articleId}`);
  if (schemaVersion < SCHEMA_VERSION && !options.olderVersions) {
    throw corrupt(`it is of schema ${schemaVersion}, which a migration should have folded into its snapshot`);
  }
  const firstBad = changes.findIndex((line) => !line.ok);
  const intact = firstBad === -1 ? changes : changes.slice(0, firstBad);
  const bad = changes[firstBad];
  if (bad && !bad.ok && changes.slice(firstBad + 1).some((line) => line.ok)) {
    // Only the last append can be cut short by a crash: a damaged line with good ones after it is damage.
    throw corrupt(`line ${firstBad + 2} is not a valid change (${bad.why}), yet later lines are`);
  }
  const ops = intact.flatMap((line) => (line.ok ? [line.value] : []));
  const lastIntact = lines[intact.length];
  const intactBytes = lastIntact ? lastIntact.end + 1 : 0;
  return { schemaVersion, ops, intactBytes, tornBytes: bytes.length - intactBytes };
}

async function readNoFollow(file: string, corrupt: (problem: string) => StoreError): Promise<Buffer | null> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    if (errnoCode(error) === 'ELOOP') throw corrupt('it is a symbolic link, which the store never follows');
    throw storeErrorFromFs(error, file, 'read');
  }
  try {
    if (!(await handle.stat()).isFile()) throw corrupt('it is not a plain file');
    return await handle.readFile();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw storeErrorFromFs(error, file, 'read');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function headerProblem(bytes: Buffer): string {
  if (bytes.length === 0) return 'the file is empty (0 bytes), yet a journal is never written empty';
  if (bytes.every((byte) => byte === 0)) return `it holds only NUL bytes (${bytes.length} bytes)`;
  return 'its first line is not a journal header';
}

// Every line that ends with a newline; bytes after the last newline are a torn write, never a line.
function wholeLines(bytes: Buffer): Line[] {
  const lines: Line[] = [];
  for (let start = 0; ;) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) return lines;
    lines.push({ start, end });
    start = end + 1;
  }
}

function parseLine<T>(bytes: Buffer, { start, end }: Line, parse: (json: unknown) => T): Parsed<T> {
  try {
    return { ok: true, value: parse(JSON.parse(utf8.decode(bytes.subarray(start, end)))) };
  } catch (error) {
    return { ok: false, why: describeInvalid(error) };
  }
}

/**
 * Appends to one journal file, each line durably, and knows how much of it is intact. A line is acknowledged
 * only once fsynced; a failed append leaves the intact part as it was, and the next append first cuts off
 * whatever that failure may have left behind.
 */
export class Journal {
  private intactBytes: number;
  private torn: boolean;
  private opCount: number;

  constructor(
    readonly file: string,
    private readonly articleId: string,
    content: JournalContent<unknown> | null,
  ) {
    this.intactBytes = content?.intactBytes ?? 0;
    this.torn = (content?.tornBytes ?? 0) > 0;
    this.opCount = content?.ops.length ?? 0;
  }

  /** Whether the file exists in some form (so that folding it in must remove it). */
  get exists(): boolean {
    return this.intactBytes > 0 || this.torn;
  }

  /** How many changes it holds. */
  get ops(): number {
    return this.opCount;
  }

  /** Whether it is long enough to be folded into its snapshot (COMPACT_AFTER). */
  get full(): boolean {
    return this.opCount >= COMPACT_AFTER.ops || this.intactBytes >= COMPACT_AFTER.bytes;
  }

  /** Appends one change and fsyncs it (and the folder, when the file is new); resolves once it is durable. */
  async append(op: JournalOp): Promise<void> {
    const line = JSON.stringify(op) + '\n';
    const fresh = this.intactBytes === 0;
    const header = { op: 'journal', schemaVersion: SCHEMA_VERSION, articleId: this.articleId };
    const bytes = Buffer.from(fresh ? `${JSON.stringify(header)}\n${line}` : line);
    if (fresh) {
      // Made whole: written to a temp file, fsynced, renamed into place (which replaces a link, never writing
      // through it). So a journal that exists always starts with its header and a first change.
      await writeFileDurably(this.file, bytes);
    } else {
      await this.appendInPlace(bytes);
    }
    this.intactBytes += bytes.length;
    this.torn = false;
    this.opCount++;
  }

  private async appendInPlace(bytes: Buffer): Promise<void> {
    let handle: FileHandle | undefined;
    try {
      handle = await fs.open(this.file, constants.O_RDWR | NO_FOLLOW);
      this.torn = true; // until the fsync below returns, what follows the intact part is unknown
      await handle.truncate(this.intactBytes);
      for (let written = 0; written < bytes.length;) {
        const { bytesWritten } = await handle.write(
          bytes,
          written,
          bytes.length - written,
          this.intactBytes + written,
        );
        written += bytesWritten;
      }
      await handle.sync();
    } catch (error) {
      if (errnoCode(error) === 'ELOOP') {
        throw new StoreError(
          'corrupt',
          this.file,
          `${this.file} became a symbolic link; nothing was written.`,
        );
      }
      throw storeErrorFromFs(error, this.file, 'write');
    } finally {
      await handle?.close().catch(() => undefined); // after a good fsync, a failed close loses nothing
    }
  }

  /** Cuts off a last change that a crash left cut short (never acknowledged). */
  async cutTornTail(): Promise<void> {
    if (!this.torn) return;
    let handle: FileHandle | undefined;
    try {
      handle = await fs.open(this.file, constants.O_RDWR | NO_FOLLOW);
      await handle.truncate(this.intactBytes);
      await handle.sync();
    } catch (error) {
      throw storeErrorFromFs(error, this.file, 'write');
    } finally {
      await handle?.close().catch(() => undefined);
    }
    this.torn = false;
  }

  /** Deletes the file durably (a missing file is fine). */
  async remove(): Promise<void> {
    try {
      await fs.rm(this.file);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw storeErrorFromFs(error, this.file, 'remove');
    }
    await syncDirectory(path.dirname(this.file));
    this.intactBytes = 0;
    this.torn = false;
    this.opCount = 0;
  }
}

/**
 * Applies changes to highlights in order: a put replaces the highlight with its id where it stands, or adds it
 * at the end; a del removes it. Returns a new array; the highlights themselves are shared, not copied.
 * Replayed over a snapshot that already holds them, the changes give the same highlights with the same content
 * (only one deleted and put back within the same journal may come out at another place in the list).
 */
export function replay<H extends { id: string }>(
  highlights: readonly H[],
  ops: readonly ({ op: 'put'; highlight: H } | { op: 'del'; id: string })[],
): H[] {
  const result: (H | undefined)[] = [...highlights];
  const at = new Map(highlights.map((highlight, i) => [highlight.id, i]));
  for (const op of ops) {
    const id = op.op === 'put' ? op.highlight.id : op.id;
    const index = at.get(id);
    if (op.op === 'del') {
      if (index !== undefined) result[index] = undefined;
      at.delete(id);
    } else if (index !== undefined) {
      result[index] = op.highlight;
    } else {
      at.set(id, result.push(op.highlight) - 1);
    }
  }
  return result.filter((highlight): highlight is H => highlight !== undefined);
}
