/**
 * What the renderer and the command line see of sync (docs/SYNC.md). No imports: the renderer shares these
 * types through the contract.
 */

/** The sync settings as kept: the address without its password, and whether a password is kept (encrypted). */
export type SyncSettingsView = {
  /** The CouchDB database's address, never with a password in it; null before sync is set up. */
  url: string | null;
  username: string | null;
  /** A password is kept, encrypted by the system's key store (never in clear). */
  hasPassword: boolean;
  /** Sync after changes and at start (the app does it). */
  auto: boolean;
  /** A passphrase is kept: what the server stores is sealed with it. */
  encrypted: boolean;
  /** Reader settings travel too. */
  includeSettings: boolean;
};

/** A note that was changed on two computers in ways that could not be merged: both texts, for the person. */
export type SyncConflict = {
  /** The conflict's own id, for resolveSyncConflict. */
  id: string;
  /** The article it belongs to (its id on this computer) and its title. */
  articleId: string;
  articleTitle: string;
  /** The highlight whose note it is; null for the article's own note. */
  highlightId: string | null;
  /** The highlighted passage (empty for an article note). */
  quote: string;
  /** The text kept for now (the library shows it). */
  kept: string;
  /** The other computer's text, set aside. */
  other: string;
};

/** What one sync did: documents sent and received, and the conflicts waiting for the person. */
export type SyncReport = {
  sent: number;
  received: number;
  conflicts: SyncConflict[];
  /** When it finished (this computer's clock; shown, never used to order changes). */
  at: string;
};

export type SyncStatus = {
  configured: boolean;
  lastSyncAt: string | null;
  lastResult: SyncReport | null;
  running: boolean;
  /** Why the last sync failed, or null. */
  error: { code: string; message: string } | null;
};

/** How a conflict is resolved: the kept text, the other one, both one after the other, or a new text. */
export type SyncResolution = 'local' | 'remote' | 'both' | { text: string };

/** Why a sync could not run or stopped: one of the contract's error codes (the interface translates it). */
export type SyncErrorCode =
  | 'sync-not-configured'
  | 'sync-unreachable'
  | 'sync-unauthorized'
  | 'sync-needs-passphrase'
  | 'sync-wrong-passphrase'
  | 'sync-not-encrypted'
  | 'sync-newer-version'
  | 'sync-not-a-database'
  | 'sync-server-error'
  | 'sync-format-lost'
  | 'sync-busy'
  | 'sync-conflict-changed';
