/**
 * The pictures an imported page brings with it. A picture is kept only from what the import already holds:
 * a `data:` URI inside the page, or a file of the page's own folder (see picture-folder.ts). Nothing is ever
 * fetched: a remote picture (a tracking pixel included) is listed as not kept.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { MAX_IMAGE_BYTES, sniffImage } from './image-type';
import type { FigureImage, MissingImage, MissingReason } from '../../shared/article-model';

/** An article keeps at most this many pictures… */
export const MAX_ARTICLE_IMAGES = 2000;
/** …and at most this many bytes of them; pictures past either limit are listed as not kept. */
export const MAX_ARTICLE_IMAGE_BYTES = 100 * 1024 * 1024;

/** Reads a picture the page names by a relative address: its bytes, or why it cannot be read. */
export type PictureSource = (src: string) => Uint8Array | MissingReason;

/** For a page that arrived as content only (dropped on the window): it has no folder to read from. */
export const contentOnly: PictureSource = () => 'content-only';

const DATA_URI = /^data:([^,]*?),/i;
const REMOTE = /^(https?:)?\/\//i;

/** The bytes of a `data:` URI, or why they are refused; its size is checked before it is decoded. */
function dataUriBytes(src: string): Uint8Array | MissingReason {
  const head = DATA_URI.exec(src);
  if (head === null) return 'not-an-image';
  const payload = src.slice(head[0].length);
  const base64 = /;base64$/i.test(head[1] ?? '');
  if ((base64 ? (payload.length * 3) / 4 : payload.length / 3) > MAX_IMAGE_BYTES) return 'too-large';
  if (base64) return Buffer.from(payload.replace(/\s+/g, ''), 'base64');
  try {
    return Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    return 'not-an-image';
  }
}

export type KeptPicture = { image: FigureImage } | { missing: MissingImage };

/**
 * A long base64 `data:` picture written as an attribute value (or a srcset candidate). The HTML parser reads
 * attribute values a character at a time (a 7 MB page of 30 inline pictures took 1.6 s), so these are
 * taken out before parsing and put back by reference.
 */
const INLINE_PICTURE =
  /(=\s*["']?|,\s*|["']\s*)(data:image\/[a-z0-9.+-]+(?:;[a-z0-9-]+=[^;,"'\s]*)*;base64,[A-Za-z0-9+/=]{1000,})/gi;
const INLINE_REFERENCE = /^hamish-inline:(\d+)$/;

/** Collects the pictures of one import within the article's limits; `assets` holds what is to be stored. */
export class PictureCollector {
  /** Asset name (`<sha256>.<ext>`) → bytes: one entry per distinct picture. */
  readonly assets = new Map<string, Uint8Array>();
  private bytes = 0;
  private readonly inline: string[] = [];

  /**
   * `archived` looks an address up among the resources the imported file carries itself (an MHTML archive
   * holds a page's pictures under their original, often remote, addresses): those are read, never fetched.
   */
  constructor(
    private readonly source: PictureSource = contentOnly,
    private readonly archived: (src: string) => Uint8Array | null = () => null,
  ) {}

  /** `html` with its long inline pictures replaced by references that read() and keep() understand. */
  withdrawInlinePictures(html: string): string {
    return html.replace(INLINE_PICTURE, (_match, before: string, uri: string) => {
      this.inline.push(uri);
      return `${before}hamish-inline:${this.inline.length - 1}`;
    });
  }

  /** The address as the page wrote it (an inline picture's reference put back). */
  private original(src: string): string {
    const reference = INLINE_REFERENCE.exec(src.trim());
    return reference ? (this.inline[Number(reference[1])] ?? '') : src.trim();
  }

  /** Reads the picture at `src`, without keeping it (for choosing among candidates). */
  read(src: string): Uint8Array | MissingReason {
    const trimmed = this.original(src);
    if (trimmed === '') return 'not-found';
    if (/^data:/i.test(trimmed)) return dataUriBytes(trimmed);
    const carried = this.archived(trimmed);
    if (carried !== null) return carried;
    if (/^file:/i.test(trimmed)) return 'outside-folder';
    if (REMOTE.test(trimmed) || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return 'remote';
    return this.source(trimmed);
  }

  /** Keeps the picture at `src` (or says why not), described by `alt`. */
  keep(src: string, alt: string): KeptPicture {
    return this.keepBytes(src, alt, this.read(src));
  }

  /** Keeps bytes already read from `src`. */
  keepBytes(src: string, alt: string, read: Uint8Array | MissingReason): KeptPicture {
    // A data: URI is the picture itself: recording it whole as the address would store it twice.
    const written = this.original(src);
    const shownSrc = /^data:/i.test(written) ? written.slice(0, 40) : written;
    const missing = (reason: MissingReason): KeptPicture => ({ missing: { src: shownSrc, alt, reason } });
    if (typeof read === 'string') return missing(read);
    const info = sniffImage(read);
    if (typeof info === 'string') return missing(info);
    const asset = `${createHash('sha256').update(read).digest('hex')}.${info.ext}`;
    if (!this.assets.has(asset)) {
      if (this.assets.size >= MAX_ARTICLE_IMAGES || this.bytes + read.length > MAX_ARTICLE_IMAGE_BYTES)
        return missing('over-limit');
      this.assets.set(asset, read);
      this.bytes += read.length;
    }
    return { image: { asset, alt, width: info.width, height: info.height } };
  }
}
