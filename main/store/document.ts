import fs from 'node:fs/promises';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-file';
import { describeInvalid, errnoCode, StoreError, storeErrorFromFs } from './errors';
import { SerialQueue } from './serial-queue';

/** Checks data read from or about to be written to a file; throws on anything else. */
export type Parser<T> = (data: unknown) => T;

/**
 * One store file in memory, held by a lowdb `Low` over a DurableJsonFile: `Low.read()` loads it and
 * `Low.write()` writes the held value back. Changes do not go through `Low.update()`, which changes the held
 * value before the write (docs/ARCHITECTURE.md, "Why the store keeps its own change step"): they run one at a
 * time on a copy, and the copy replaces the held data only after it is safely on disk, so after a failed write
 * the data is still what the file holds and the caller can retry. The held data is frozen, so nobody can
 * change it unsaved.
 */
export class StoreDocument<T extends object> {
  // null: no file and no defaults (lowdb takes null as "no data": read() of a missing file keeps it).
  private readonly low: Low<T | null>;
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly adapter: DurableJsonFile<T>,
    private readonly parse: Parser<T>,
    private readonly defaults: (() => T) | undefined,
  ) {
    // Low.write() never passes null on (it writes only when it holds data); the adapter's type says so too.
    this.low = new Low<T | null>(
      {
        read: () => adapter.read(),
        write: (data) => (data === null ? Promise.resolve() : adapter.write(data)),
      },
      null,
    );
  }

  /** Reads the file (a missing file gives the defaults, if any); throws StoreError if it cannot be read. */
  static async load<T extends object>(
    file: string,
    parse: Parser<T>,
    defaults?: () => T,
  ): Promise<StoreDocument<T>> {
    const document = new StoreDocument(new DurableJsonFile(file, parse), parse, defaults);
    await document.low.read();
    document.hold(document.low.data ?? defaults?.());
    return document;
  }

  /** A document that holds `data` without reading the file: after it was moved aside, or was too new to write. */
  static holding<T extends object>(
    file: string,
    parse: Parser<T>,
    defaults: (() => T) | undefined,
    data: T | undefined,
  ): StoreDocument<T> {
    const document = new StoreDocument(new DurableJsonFile(file, parse), parse, defaults);
    document.hold(data);
    return document;
  }

  /** The path of the file. */
  get file(): string {
    return this.adapter.filename;
  }

  /**
   * The saved content (frozen), or the defaults when there is no file; StoreError 'not-found' when there is
   * neither.
   */
  current(): T {
    const data = this.low.data;
    if (data === null) throw new StoreError('not-found', this.file, `${this.file} does not exist.`);
    return data;
  }

  /** Applies `mutate` to a copy of the data, validates and writes it, then holds it. */
  update(mutate: (draft: T) => void): Promise<void> {
    return this.queue.run(async () => {
      const draft = structuredClone(this.current());
      mutate(draft);
      await this.save(draft);
    });
  }

  /** Writes `next` in place of whatever the file held. */
  replace(next: T): Promise<void> {
    return this.queue.run(() => this.save(next));
  }

  /**
   * Holds `next` as the content without writing this file, for a change already made durable elsewhere (the
   * annotations journal). Only what is new in `next` gets frozen: parts shared with the content held before are
   * frozen already, so a change to one of 10,000 highlights costs no walk through the other 9,999.
   */
  adopt(next: T): void {
    this.hold(next);
  }

  /** Writes the held content to the file again, as it is (it was checked when it was held). */
  rewrite(): Promise<void> {
    return this.queue.run(async () => {
      this.current(); // a document holding nothing has nothing to write: 'not-found', as for a read
      await this.low.write();
    });
  }

  /** Deletes the file (a missing file is fine); afterwards the document holds its defaults, if any. */
  remove(): Promise<void> {
    return this.queue.run(async () => {
      try {
        await fs.rm(this.file);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw storeErrorFromFs(error, this.file, 'remove');
      }
      this.hold(this.defaults?.());
    });
  }

  private async save(draft: T): Promise<void> {
    let next: T;
    try {
      next = this.parse(draft);
    } catch (error) {
      // Never write what could not be read back: that would turn a caller's bug into a corrupt file.
      throw new Error(`Refusing to write ${this.file}: ${describeInvalid(error)}`, { cause: error });
    }
    await this.adapter.write(next);
    this.hold(next);
  }

  private hold(data: T | undefined): void {
    this.low.data = data === undefined ? null : deepFreeze(data);
  }
}

/**
 * Loaded documents by key, so that each file has exactly one document (and one `Low`). A load that fails is
 * forgotten, so that the next call reads the file again (after it was repaired or moved aside).
 */
export class DocumentCache<D> {
  private readonly loaded = new Map<string, Promise<D>>();

  /** The document for `key`, loading it with `load` the first time. */
  get(key: string, load: () => Promise<D>): Promise<D> {
    const cached = this.loaded.get(key);
    if (cached) return cached;
    const loading = load();
    this.loaded.set(key, loading);
    loading.catch(() => {
      if (this.loaded.get(key) === loading) this.loaded.delete(key);
    });
    return loading;
  }
}

function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
