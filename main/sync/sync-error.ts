/** Why a sync could not run or stopped; `code` is one of the contract's error codes (the UI translates it). */
export type SyncErrorCode =
  | 'sync-not-configured'
  | 'sync-unreachable'
  | 'sync-unauthorized'
  | 'sync-needs-passphrase'
  | 'sync-wrong-passphrase'
  | 'sync-not-encrypted'
  | 'sync-newer-version'
  | 'sync-not-a-database'
  | 'sync-busy'
  | 'sync-conflict-changed'
  | 'sync-failed';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
