import type { SyncErrorCode } from '../../shared/sync-model';

export type { SyncErrorCode };

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
