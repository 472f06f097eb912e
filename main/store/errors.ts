import { z } from 'zod';

/**
 * What went wrong with a store file; the UI translates the code, the message is for logs and the CLI.
 * 'locked': another process (the app) holds the data folder, so this one may read but not write.
 */
export type StoreErrorCode =
  'corrupt' | 'newer-version' | 'unwritable' | 'disk-full' | 'io' | 'not-found' | 'locked';

/** A store failure that names the file concerned, so the user can be told which file to look at. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly file: string;

  constructor(code: StoreErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
    this.file = file;
  }
}

/** The errno-style code of a Node.js system error, if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Turns a failed file-system call into a StoreError: permission and read-only → unwritable, ENOSPC → disk-full. */
export function storeErrorFromFs(error: unknown, file: string, action: string): StoreError {
  const code = errnoCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code !== undefined && DENIED.has(code)) {
    return new StoreError('unwritable', file, `Cannot ${action} ${file}: permission denied (${code}).`, {
      cause: error,
    });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new StoreError('disk-full', file, `Cannot ${action} ${file}: the disk is full (${code}).`, {
      cause: error,
    });
  }
  return new StoreError('io', file, `Cannot ${action} ${file}: ${detail}`, { cause: error });
}

const MAX_ISSUES = 3;

/** A short English description of why data failed validation: the first few schema issues and their paths. */
export function describeInvalid(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => {
      const where = issue.path.map(String).join('.') || '(top level)';
      return `${where}: ${issue.message}`;
    });
    const more = error.issues.length - MAX_ISSUES;
    return issues.join('; ') + (more > 0 ? `; and ${more} more problem(s)` : '');
  }
  return error instanceof Error ? error.message : String(error);
}
