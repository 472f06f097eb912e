import type { WebErrorCode } from '../../shared/contract';

export type { WebErrorCode };

/**
 * Why a page could not be saved from the web (codes in shared/contract.ts). `message` is plain English naming
 * the address (the CLI prints it), `file` the address, as errors of files carry the file.
 */
export class WebError extends Error {
  override readonly name = 'WebError';

  constructor(
    readonly code: WebErrorCode,
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Whether a save failed because the network could not be reached (so it may be retried later). */
export function isOffline(error: unknown): boolean {
  return error instanceof WebError && error.code === 'web-offline';
}
