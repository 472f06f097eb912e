/**
 * The part of PouchDB's API that sync uses, typed here: the published @types/pouchdb pulls the DOM library
 * into every file of main/, which must see Node's types only (docs/ARCHITECTURE.md, "Layers").
 */
declare module 'pouchdb' {
  type Doc = Record<string, unknown> & { _id: string; _rev: string };
  type PouchError = { status?: number; name?: string; message?: string; reason?: string; error?: string };
  type WriteResult = (
    { ok: true; id: string; rev: string } | (PouchError & { id?: string; error: true | string })
  ) & {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: unknown;
    message?: string;
  };
  type AllDocsRow =
    | { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Doc | null }
    | { key: string; error: string };
  type Change = {
    id: string;
    seq: number | string;
    changes: { rev: string }[];
    deleted?: boolean;
    doc?: Doc;
  };
  type ReplicationResult = {
    ok: boolean;
    docs_written: number;
    docs_read: number;
    errors: unknown[];
    status?: string;
  };

  interface Database {
    info(): Promise<{ doc_count: number; update_seq: number | string; adapter?: string }>;
    get<T = Record<string, unknown>>(
      id: string,
      options?: { rev?: string; attachments?: boolean; binary?: boolean },
    ): Promise<T & Doc>;
    get(
      id: string,
      options: { open_revs: 'all'; revs?: boolean },
    ): Promise<({ ok: Doc } | { missing: string })[]>;
    put(doc: Record<string, unknown> & { _id: string }): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(docs: Record<string, unknown>[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
    allDocs(options: {
      keys?: string[];
      include_docs?: boolean;
      startkey?: string;
      endkey?: string;
    }): Promise<{
      rows: AllDocsRow[];
    }>;
    changes(options: {
      since: number | string;
      include_docs?: boolean;
      style?: 'all_docs' | 'main_only';
      limit?: number;
    }): Promise<{ results: Change[]; last_seq: number | string }>;
    sync(
      remote: Database,
      options?: {
        batch_size?: number;
        retry?: boolean;
        /** Options of the outgoing replication only. */
        push?: { filter?: (doc: Record<string, unknown>) => boolean };
      },
    ): Promise<{ push: ReplicationResult; pull: ReplicationResult }>;
    replicate: { to(remote: Database, options?: { batch_size?: number }): Promise<ReplicationResult> };
    close(): Promise<void>;
    /** transform-pouch, where the plugin is installed. */
    transform(config: {
      incoming?: (doc: Record<string, unknown>) => Record<string, unknown>;
      outgoing?: (doc: Record<string, unknown>) => Record<string, unknown>;
    }): void;
    fetch(
      path: string,
      options?: { method?: string },
    ): Promise<{ ok: boolean; status: number; statusText: string; json(): Promise<unknown> }>;
    destroy(): Promise<void>;
  }

  interface PouchDBConstructor {
    new (name: string, options?: Record<string, unknown>): Database;
    plugin(plugin: unknown): PouchDBConstructor;
    defaults(options: Record<string, unknown>): PouchDBConstructor;
  }

  const PouchDB: PouchDBConstructor;
  namespace PouchDB {
    export type { Database };
  }
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  function expressPouchDB(
    pouch: unknown,
    options?: Record<string, unknown>,
  ): (request: unknown, response: unknown, next: unknown) => void;
  export default expressPouchDB;
}

declare module 'transform-pouch' {
  const plugin: unknown;
  export default plugin;
}
