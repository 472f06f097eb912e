import { ERROR_CODES, type ApiError, type ErrorCode } from './contract';

/** An error the user can act on: a code the UI translates, an English message, and the file concerned. */
export class HamishError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'HamishError';
  }
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Turns anything thrown by the domain into an error value that can cross IPC. Store and import errors
 * carry a known `code` and `file`; anything else is an internal error whose message (never a stack) is kept.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof Error) {
    const { code, file } = error as Error & { code?: unknown; file?: unknown };
    if (isErrorCode(code)) {
      return typeof file === 'string'
        ? { code, message: error.message, file }
        : { code, message: error.message };
    }
    return { code: 'internal', message: error.message };
  }
  return { code: 'internal', message: String(error) };
}
