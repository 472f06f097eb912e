/**
 * MHTML ("Webpage, single file" in Chrome and Edge): a MIME multipart/related message (RFC 2557) holding
 * the page's HTML and its resources, each named by its original address (Content-Location) or Content-ID.
 * Only what an import needs is read: the first HTML part, and the other parts as bytes by address. Bodies
 * are quoted-printable, base64, or as they are (7bit, 8bit, binary).
 */
import { Buffer } from 'node:buffer';
import { ImportError } from './import-error';

export type MhtmlArchive = {
  /** The page's HTML, still as bytes (its charset is read as any HTML file's). */
  html: Uint8Array;
  /** The page's own address, against which its relative addresses resolve; '' when it has none. */
  location: string;
  /** Every other part by its absolute address and by `cid:<content-id>`. */
  parts: Map<string, Uint8Array>;
};

type Part = { headers: Map<string, string>; body: string };

/** Headers (names lower-cased, folded lines joined) and where the body starts. */
function readHeaders(text: string, from: number): { headers: Map<string, string>; bodyAt: number } {
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = from;
  const end = blank.exec(text);
  const headEnd = end ? end.index : text.length;
  const headers = new Map<string, string>();
  const unfolded = text.slice(from, headEnd).replace(/\r?\n[\t ]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, bodyAt: end ? end.index + end[0].length : text.length };
}

/** A parameter of a header value, e.g. boundary="…" of Content-Type. */
function parameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function quotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let at = 0; at < joined.length; at += 1) {
    const char = joined.charCodeAt(at);
    const hex = joined.slice(at + 1, at + 3);
    if (char === 0x3d && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      at += 2;
    } else bytes.push(char & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  return Buffer.from(part.body, 'latin1');
}

/** The parts between boundary lines ("--boundary"), up to the closing "--boundary--". */
function splitParts(text: string, from: number, boundary: string): Part[] {
  const parts: Part[] = [];
  const delimiter = `--${boundary}`;
  let at = text.indexOf(delimiter, from);
  while (at >= 0) {
    const after = at + delimiter.length;
    if (text.startsWith('--', after)) break;
    const next = text.indexOf(`\n${delimiter}`, after);
    const end = next < 0 ? text.length : next;
    const { headers, bodyAt } = readHeaders(text, text.indexOf('\n', after) + 1);
    parts.push({ headers, body: text.slice(Math.min(bodyAt, end), end).replace(/\r$/, '') });
    at = next < 0 ? -1 : next + 1;
  }
  return parts;
}

/** Reads an MHTML file; ImportError 'no-content' (naming `name`) when it holds no HTML page. */
export function parseMhtml(bytes: Uint8Array, name: string): MhtmlArchive {
  // latin1 maps every byte to one character, so binary bodies survive until they are decoded.
  const text = Buffer.from(bytes).toString('latin1');
  const { headers, bodyAt } = readHeaders(text, 0);
  const type = headers.get('content-type') ?? '';
  const boundary = parameter(type, 'boundary');
  const parts: Part[] =
    /^multipart\//i.test(type) && boundary
      ? splitParts(text, bodyAt, boundary)
      : [{ headers, body: text.slice(bodyAt) }];
  const page = parts.find((part) => /^text\/html/i.test(part.headers.get('content-type') ?? ''));
  if (!page) throw new ImportError('no-content', name, 'it holds no web page');
  const location = page.headers.get('content-location') ?? headers.get('snapshot-content-location') ?? '';
  const archived = new Map<string, Uint8Array>();
  for (const part of parts) {
    if (part === page) continue;
    const where = part.headers.get('content-location');
    const id = part.headers.get('content-id')?.replace(/^<|>$/g, '');
    if (!where && !id) continue;
    const body = decodeBody(part);
    if (where)
      archived.set(
        URL.canParse(where, location || undefined) ? new URL(where, location || undefined).href : where,
        body,
      );
    if (id) archived.set(`cid:${id}`, body);
  }
  return { html: decodeBody(page), location, parts: archived };
}

/** The archived bytes an address in the page names, resolved against the page's own address. */
export function archivedPart(archive: MhtmlArchive, src: string): Uint8Array | null {
  const direct = archive.parts.get(src);
  if (direct) return direct;
  if (!URL.canParse(src, archive.location || undefined)) return null;
  return archive.parts.get(new URL(src, archive.location || undefined).href) ?? null;
}
