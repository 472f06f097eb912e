/**
 * Why a file could not be imported. The UI translates `code`; `message` is plain English for the CLI
 * and logs, and names the file. `code` and `file` are the fields main/api's error conversion reads.
 */

export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'too-deep'
  | 'no-content'
  | 'unsupported'
  | 'drm'
  | 'unsafe-archive'
  | 'broken-book';

const REASONS: Record<ImportErrorCode, string> = {
  empty: 'the file is empty',
  binary: 'the file is not text (it looks like an image, archive or program)',
  undecodable: 'the text is not in an encoding Hamish can read (UTF-8, UTF-16, Windows-1256, ISO-8859-6)',
  'too-large': 'the file is too large to import',
  'too-deep': 'the page is nested too deeply to be read safely',
  'no-content': 'no article text was found in it',
  unsupported: 'this kind of file cannot be imported',
  drm: 'the book is protected by DRM (its publisher encrypted it), so it cannot be read outside the store that sold it',
  'unsafe-archive': 'the archive is unsafe to open and was not unpacked',
  'broken-book': 'the EPUB book is damaged or incomplete',
};

/** An import refused for a reason the user can understand; `detail` adds a clause ("it is 60 MB, the limit is 50 MB"). */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    readonly file: string,
    detail?: string,
  ) {
    super(`${file}: ${REASONS[code]}${detail === undefined ? '' : `; ${detail}`}.`);
  }
}
