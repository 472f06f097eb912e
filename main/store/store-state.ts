import { StoreError, type StoreErrorCode } from './errors';
import type { MigrationReport } from './migrate-files';
import type { Recovery } from './recovery';

/** Why a store refuses writes: the error every write raises. */
type Blocked = { code: StoreErrorCode; file: string; reason: string };

/** What a store has learned about its files since it was opened. */
export class StoreState {
  readonly recoveries: Recovery[] = [];
  migration: MigrationReport | null = null;
  private blockedBy: Blocked | null = null;

  /** Why writes are refused, or null. */
  get blocked(): Blocked | null {
    return this.blockedBy;
  }

  /** Refuses every write from now on with this error; the first reason given stays. */
  block(code: StoreErrorCode, file: string, reason: string): void {
    this.blockedBy ??= { code, file, reason };
  }

  /**
   * A file from a newer Hamish was met. Its reason replaces any other, as it is the one the user can act on
   * (use the newer version); writing anything now could undo what that version changed.
   */
  blockForNewer(error: StoreError): void {
    if (this.blockedBy?.code === 'newer-version') return;
    this.blockedBy = {
      code: 'newer-version',
      file: error.file,
      reason: `${error.message} Hamish shows the data read-only and saves nothing; please use the newer version.`,
    };
  }

  /** Throws the StoreError every write raises while the store is blocked. */
  assertWritable(): void {
    if (this.blockedBy) {
      const { code, file, reason } = this.blockedBy;
      throw new StoreError(code, file, reason);
    }
  }
}
