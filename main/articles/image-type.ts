/**
 * What a picture is, read from its first bytes and never from its name or declared type: a `.png` that is
 * really HTML is not an image. The size is read from the header before anything is decoded, so a
 * decompression bomb (a few kilobytes claiming 50,000 × 50,000 pixels) is refused without being inflated.
 * Nothing here decodes pixels: the renderer shows kept pictures through `<img>`, which also keeps the
 * scripts of an SVG inert.
 */

export type ImageExt = 'png' | 'jpg' | 'gif' | 'webp' | 'avif' | 'svg';
export type ImageInfo = { ext: ImageExt; width: number; height: number };

/** One picture larger than this is not kept (a camera's full-size JPEG is 5–15 MB). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Wider or taller than this is not a picture for reading, and decoding it could exhaust memory. */
export const MAX_IMAGE_SIDE = 20_000;
/** 100 megapixels: about 400 MB once decoded, the most a picture may need. */
export const MAX_IMAGE_PIXELS = 100_000_000;

export type ImageRefusal = 'not-an-image' | 'too-large';

const ascii = (bytes: Uint8Array, from: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(from, from + length));

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function png(bytes: Uint8Array): ImageInfo | null {
  // Signature, then the IHDR chunk: length (4), "IHDR", width and height as big-endian 32-bit numbers.
  if (
    bytes.length < 24 ||
    ascii(bytes, 1, 3) !== 'PNG' ||
    bytes[0] !== 0x89 ||
    ascii(bytes, 12, 4) !== 'IHDR'
  )
    return null;
  return { ext: 'png', width: view(bytes).getUint32(16), height: view(bytes).getUint32(20) };
}

function gif(bytes: Uint8Array): ImageInfo | null {
  const magic = ascii(bytes, 0, 6);
  if (bytes.length < 10 || (magic !== 'GIF87a' && magic !== 'GIF89a')) return null;
  return { ext: 'gif', width: view(bytes).getUint16(6, true), height: view(bytes).getUint16(8, true) };
}

// JPEG start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC (arithmetic coding) do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return null;
  const data = view(bytes);
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (SOF.has(marker)) return { ext: 'jpg', height: data.getUint16(at + 5), width: data.getUint16(at + 7) };
    at += 2 + data.getUint16(at + 2);
  }
  return null;
}

function webp(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length < 30 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null;
  const data = view(bytes);
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ')
    return {
      ext: 'webp',
      width: data.getUint16(26, true) & 0x3fff,
      height: data.getUint16(28, true) & 0x3fff,
    };
  if (chunk === 'VP8L') {
    const bits = data.getUint32(21, true);
    return { ext: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const width = 1 + ((bytes[24] ?? 0) | ((bytes[25] ?? 0) << 8) | ((bytes[26] ?? 0) << 16));
    const height = 1 + ((bytes[27] ?? 0) | ((bytes[28] ?? 0) << 8) | ((bytes[29] ?? 0) << 16));
    return { ext: 'webp', width, height };
  }
  return null;
}

function avif(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  const brands = ascii(bytes, 8, Math.min(view(bytes).getUint32(0), bytes.length) - 8);
  if (!/avif|avis/.test(brands)) return null;
  // The image spatial extents property ("ispe"): version and flags, then width and height, big-endian.
  const head = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
  const at = head.indexOf('ispe');
  if (at < 0 || at + 16 > bytes.length) return { ext: 'avif', width: 0, height: 0 };
  return { ext: 'avif', width: view(bytes).getUint32(at + 8), height: view(bytes).getUint32(at + 12) };
}

function svg(bytes: Uint8Array): ImageInfo | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  // An SVG file starts with its root element, after an optional XML declaration, comments and a doctype.
  const rest = head.replace(/^\s*(<\?xml[^>]*>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*/i, '');
  const root = /^<svg[\s>]/i.exec(rest);
  if (root === null) return null;
  const tag = /^<svg[^>]*>/i.exec(rest)?.[0] ?? '';
  const length = (name: string): number => {
    const value = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)\\s*(px)?\\s*["']`, 'i').exec(tag);
    return value ? Math.round(Number(value[1])) : 0;
  };
  let width = length('width');
  let height = length('height');
  const box = /\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)/i.exec(tag);
  if ((width === 0 || height === 0) && box) {
    width = Math.round(Number(box[1]));
    height = Math.round(Number(box[2]));
  }
  return { ext: 'svg', width, height };
}

/**
 * The picture's type and size, or why it is refused: 'not-an-image' when its bytes are none of PNG, JPEG,
 * GIF, WebP, AVIF or SVG; 'too-large' when it is over MAX_IMAGE_BYTES or its header claims more than
 * MAX_IMAGE_SIDE or MAX_IMAGE_PIXELS.
 */
export function sniffImage(bytes: Uint8Array): ImageInfo | ImageRefusal {
  if (bytes.length > MAX_IMAGE_BYTES) return 'too-large';
  const info = png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes) ?? avif(bytes) ?? svg(bytes);
  if (info === null) return 'not-an-image';
  if (
    info.width > MAX_IMAGE_SIDE ||
    info.height > MAX_IMAGE_SIDE ||
    info.width * info.height > MAX_IMAGE_PIXELS
  )
    return 'too-large';
  return info;
}
