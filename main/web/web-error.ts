/**
 * Why a page could not be saved from the web. `code` is what the interface translates, `message` plain
 * English naming the address (the CLI prints it), `file` the address, as errors of files carry the file.
 */
export type WebErrorCode =
  | 'web-scheme'
  | 'web-redirects'
  | 'web-timeout'
  | 'web-cancelled'
  | 'web-status'
  | 'web-not-html'
  | 'web-tls'
  | 'web-offline'
  | 'web-failed'
  | 'web-private'
  | 'too-large';

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
