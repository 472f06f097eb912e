/**
 * A fetched page's bytes → text, its encoding taken in the order browsers use: a byte order mark, the
 * charset of the HTTP Content-Type, a `<meta charset>` (or http-equiv) near the start of the page, else the
 * importer's detection (UTF-8, or Windows-1256 / ISO-8859-6 when the text reads as Arabic).
 */
import { decodeFile } from '../articles/decode';
import { ImportError } from '../articles/import-error';

/** The charset parameter of a Content-Type header value, or null. */
export function headerCharset(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? null;
}

// Browsers look for the meta declaration in the first 1024 bytes; pages with a long head put it later,
// so a little more is read.
const META_SCAN_BYTES = 4096;

/** The charset a `<meta>` declares near the start of the page, or null. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, META_SCAN_BYTES)).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9._:-]+)/i.exec(head);
  return direct?.[1]?.toLowerCase() ?? null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A decoder for `label`, or null when the label names no encoding TextDecoder knows. */
function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Decodes a page. `name` (its address) is named in errors: a page that is empty or not text throws
 * ImportError as an imported file would.
 */
export function decodePage(
  bytes: Uint8Array,
  contentType: string,
  name: string,
): { text: string; encoding: string } {
  if (bytes.length === 0) throw new ImportError('empty', name);
  const declared = [bomEncoding(bytes), headerCharset(contentType), metaCharset(bytes)];
  for (const label of declared) {
    if (label === null) continue;
    // A declared UTF-16 in a meta tag cannot be (the tag was read as ASCII): browsers read it as UTF-8.
    const decoder = decoderFor(/^utf-16/.test(label) && bomEncoding(bytes) === null ? 'utf-8' : label);
    if (decoder !== null) return { text: decoder.decode(bytes), encoding: decoder.encoding };
  }
  return decodeFile(bytes, name);
}
