/**
 * The EPUB container: a zip archive read from its central directory before anything is inflated, so
 * that an archive that could write or read outside itself, or that would inflate to far more than it
 * weighs, is refused while it is still a list of names and sizes. Entries are inflated one at a time,
 * only when the book asks for them, into a buffer of the size the directory declares (a stream that
 * lies about its size can never grow past that). Nothing is ever written to disk.
 */
import { inflateSync } from 'fflate';
import { ImportError } from '../import-error';

/** At most this many entries: a book of 10,000 one-page chapters still fits, with its pictures. */
export const MAX_ENTRIES = 25_000;
/** No entry inflates to more than this (a chapter of several novels, or a large picture). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** All entries together inflate to at most this. */
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;
/**
 * An entry over RATIO_FLOOR_BYTES may inflate to at most this many times its compressed size. Prose and
 * markup compress 3–10 times and pictures barely; only repeated filler reaches hundreds (a zip bomb).
 */
export const MAX_RATIO = 100;
export const RATIO_FLOOR_BYTES = 1024 * 1024;

type Entry = { name: string; method: number; compressed: number; size: number; localHeader: number };

const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;

/** Why a name would place an entry outside the book's own folder, or null when it is safe. */
function unsafeName(name: string): string | null {
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'a "../" step';
  if (name.includes('\0')) return 'a NUL character';
  return null;
}

/** A zip archive's entries, checked; `read` inflates one of them. */
export class BookArchive {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const unsafe = (detail: string) => new ImportError('unsafe-archive', file, detail);
    const end = this.endOfDirectory(view);
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    if (count === 0xffff || at === 0xffffffff) throw unsafe('it is a zip64 archive, larger than any book');
    if (count > MAX_ENTRIES) throw unsafe(`it holds ${count} entries, more than the ${MAX_ENTRIES} limit`);
    let total = 0;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER)
        throw new ImportError('broken-book', file, 'its zip directory is damaged');
      const madeBy = view.getUint16(at + 4, true) >> 8;
      const flags = view.getUint16(at + 8, true);
      const nameLength = view.getUint16(at + 28, true);
      const external = view.getUint32(at + 38, true);
      const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
      // Bit 11: the name is UTF-8; otherwise it is read byte for byte (as the inflater names it too).
      const name = flags & 0x800 ? new TextDecoder().decode(rawName) : String.fromCharCode(...rawName);
      const entry: Entry = {
        name,
        method: view.getUint16(at + 10, true),
        compressed: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localHeader: view.getUint32(at + 42, true),
      };
      at += 46 + skip;
      const why = unsafeName(name);
      if (why !== null) throw unsafe(`the entry "${name}" has ${why}`);
      if (madeBy === UNIX_HOST && ((external >>> 16) & FILE_TYPE_MASK) === SYMLINK)
        throw unsafe(`the entry "${name}" is a symbolic link`);
      if (flags & 1) throw new ImportError('drm', file, `the entry "${name}" is encrypted`);
      if (this.entries.has(name)) throw unsafe(`the entry "${name}" appears twice`);
      if (entry.size > MAX_ENTRY_BYTES)
        throw unsafe(
          `the entry "${name}" inflates to ${mb(entry.size)}, more than the ${mb(MAX_ENTRY_BYTES)} limit`,
        );
      if (entry.size > RATIO_FLOOR_BYTES && entry.size > MAX_RATIO * Math.max(1, entry.compressed))
        throw unsafe(
          `the entry "${name}" inflates ${Math.round(entry.size / Math.max(1, entry.compressed))} times its size (a zip bomb)`,
        );
      total += entry.size;
      if (total > MAX_TOTAL_BYTES) throw unsafe(`it inflates to more than ${mb(MAX_TOTAL_BYTES)}`);
      if (!name.endsWith('/')) this.entries.set(name, entry);
    }
  }

  private endOfDirectory(view: DataView): number {
    // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
    const last = view.byteLength - 22;
    for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1)
      if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
    throw new ImportError('broken-book', this.file, 'it is not a zip archive (an EPUB is one)');
  }

  /** Whether the archive holds an entry of that exact name. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The names of all entries (folders left out). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's inflated bytes, or null when there is no such entry. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const local = entry.localHeader;
    if (local + 30 > this.bytes.length || view.getUint32(local, true) !== LOCAL_HEADER)
      throw new ImportError('broken-book', this.file, `the entry "${name}" is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressed);
    this.inflated += entry.size;
    if (this.inflated > MAX_TOTAL_BYTES)
      throw new ImportError('unsafe-archive', this.file, `it inflates to more than ${mb(MAX_TOTAL_BYTES)}`);
    if (entry.method === 0) return data.slice(0, entry.size);
    if (entry.method !== 8)
      throw new ImportError('broken-book', this.file, `the entry "${name}" uses an unknown compression`);
    try {
      return inflateSync(data, { out: new Uint8Array(entry.size) });
    } catch {
      throw new ImportError('broken-book', this.file, `the entry "${name}" is damaged`);
    }
  }

  /** The entry as UTF-8 text, or null when there is no such entry. */
  text(name: string): string | null {
    const bytes = this.read(name);
    return bytes === null ? null : new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
