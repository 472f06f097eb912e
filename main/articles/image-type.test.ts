import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, sniffImage } from './image-type';
import { gifHeader, pngBytes } from '../../test/kits/images';

function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    8,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    3,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(20)]);
}

function webpLossy(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(40);
  bytes.write('RIFF', 0, 'latin1');
  bytes.write('WEBP', 8, 'latin1');
  bytes.write('VP8 ', 12, 'latin1');
  bytes.writeUInt16LE(width, 26);
  bytes.writeUInt16LE(height, 28);
  return bytes;
}

describe('sniffImage', () => {
  it.each([
    ['PNG', pngBytes(30, 20), { ext: 'png', width: 30, height: 20 }],
    ['JPEG', jpeg(1024, 768), { ext: 'jpg', width: 1024, height: 768 }],
    ['GIF', gifHeader(16, 9), { ext: 'gif', width: 16, height: 9 }],
    ['WebP', webpLossy(800, 600), { ext: 'webp', width: 800, height: 600 }],
    [
      'SVG with an XML declaration',
      Buffer.from(
        '<?xml version="1.0"?>\n<!-- chart --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"></svg>',
      ),
      { ext: 'svg', width: 120, height: 60 },
    ],
  ])('reads the type and size of a %s from its header', (_name, bytes, info) => {
    expect(sniffImage(bytes)).toEqual(info);
  });

  it.each([
    ['an HTML page named .png', Buffer.from('<!doctype html><html><body><svg></svg></body></html>')],
    ['plain text', Buffer.from('not a picture at all')],
    ['a PDF', Buffer.from('%PDF-1.7\n')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffImage(bytes)).toBe('not-an-image');
  });

  it('refuses a PNG bomb from its header, and a picture over the size limit', () => {
    expect(sniffImage(pngBytes(50_000, 50_000, 0, true))).toBe('too-large');
    expect(sniffImage(pngBytes(15_000, 15_000, 0, true))).toBe('too-large'); // 225 megapixels
    expect(sniffImage(Buffer.concat([pngBytes(10, 10), Buffer.alloc(MAX_IMAGE_BYTES)]))).toBe('too-large');
  });
});
