import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeSingleByte, iso88596Sample, SEED_PATH } from '../../test/fixtures/make-encodings';
import { decodeFile, MAX_IMPORT_BYTES } from './decode';
import { ImportError, type ImportErrorCode } from './import-error';

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url));
const seed = readFileSync(SEED_PATH, 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

function refusal(bytes: Uint8Array, name: string): ImportError {
  try {
    decodeFile(bytes, name);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`${name} was decoded`);
}

function expectRefused(bytes: Uint8Array, name: string, code: ImportErrorCode): void {
  const error = refusal(bytes, name);
  expect(error.code).toBe(code);
  expect(error.file).toBe(name);
  expect(error.message).toContain(name);
}

describe('decodeFile', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeFile(utf8(seed), 'article.txt')).toEqual({ text: seed, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeFile(utf8(`\uFEFF${seed}`), 'article.txt')).toEqual({ text: seed, encoding: 'utf-8' });
  });

  it.each([
    ['seed-utf16le.txt', 'utf-16le'],
    ['seed-utf16be.txt', 'utf-16be'],
    ['seed-windows-1256.txt', 'windows-1256'],
  ])('reads %s as exactly the seed article (%s)', (name, encoding) => {
    expect(decodeFile(fixture(name), name)).toEqual({ text: seed, encoding });
  });

  it('reads ISO-8859-6 as exactly its sample, not as Windows-1256', () => {
    const decoded = decodeFile(fixture('seed-iso-8859-6.txt'), 'seed-iso-8859-6.txt');
    expect(decoded).toEqual({ text: iso88596Sample(seed), encoding: 'iso-8859-6' });
  });

  it('reads a Windows-1256 web page whose markup is mostly Latin letters', () => {
    const page = `<html><head><meta charset="windows-1256"><script src="app.js"></script></head><body>
      <div class="container"><p class="lead">${seed.split('\n')[0]}</p></div></body></html>`;
    expect(decodeFile(encodeSingleByte(page, 'windows-1256'), 'page.html')).toEqual({
      text: page,
      encoding: 'windows-1256',
    });
  });

  it('reads Windows-1256 Arabic with English words in it', () => {
    const text = 'أعلنت شركة Google عن تحديث جديد لنظام Android يدعم اللغة العربية بشكل أفضل.';
    expect(decodeFile(encodeSingleByte(text, 'windows-1256'), 'news.txt').text).toBe(text);
  });

  it('keeps a text with one stray NUL (the normaliser removes it later)', () => {
    const text = `${seed.slice(0, 500)}\u0000${seed.slice(500)}`;
    expect(decodeFile(utf8(text), 'article.txt').text).toBe(text);
  });

  it('refuses an empty file', () => {
    expectRefused(fixture('empty.txt'), 'empty.txt', 'empty');
  });

  it('refuses a PNG renamed .txt as binary', () => {
    expectRefused(fixture('png-renamed.txt'), 'png-renamed.txt', 'binary');
  });

  it('refuses a text cut short by a run of NULs as binary', () => {
    expectRefused(fixture('nul-bytes.txt'), 'nul-bytes.txt', 'binary');
  });

  it('refuses damaged UTF-8 rather than reading it as Windows-1256 mojibake', () => {
    expectRefused(fixture('invalid-utf8.txt'), 'invalid-utf8.txt', 'undecodable');
  });

  it.each([
    ['French', 'Le café était très bon, merci à vous. Où est la bibliothèque ?'],
    ['Spanish', 'La canción más bonita del año está aquí, señor. Está en el jardín.'],
    ['German', 'Die Straße ist über die Größe hinaus übermäßig schön.'],
  ])('refuses %s in Latin-1, which is not Arabic in any code page', (_language, text) => {
    expectRefused(latin1(text), 'latin.txt', 'undecodable');
  });

  it.each([
    ['seed-utf16le.txt', 'utf-16le'],
    ['seed-utf16be.txt', 'utf-16be'],
  ])('reads %s without its BOM as exactly the seed article (%s)', (name, encoding) => {
    const withoutBom = fixture(name).subarray(2);
    expect(decodeFile(withoutBom, 'no-bom.txt')).toEqual({ text: seed, encoding });
  });

  it('reads English UTF-16 LE without a BOM', () => {
    const text = 'Reading slowly is an act of attention.\nIt gives the text its due.';
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0)).reduce<number[]>(
      (all, byte) => [...all, byte, 0],
      [],
    );
    expect(decodeFile(Uint8Array.from(bytes), 'english.txt')).toEqual({ text, encoding: 'utf-16le' });
  });

  it('still refuses binary data of even length that is neither UTF-8 nor UTF-16', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 251);
    expectRefused(bytes, 'noise.txt', 'binary');
  });

  it('refuses UTF-16 with a broken surrogate pair', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x27, 0x06, 0x00, 0xd8, 0x44, 0x06]);
    expectRefused(bytes, 'broken-utf16.txt', 'undecodable');
  });

  it('refuses a file larger than MAX_IMPORT_BYTES and says how large it is', () => {
    const error = refusal(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.txt');
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('huge.txt: the file is too large to import; it is 51 MB, the limit is 50 MB.');
  });

  it('reads a single 5 MB line', () => {
    const line = 'كلمة عربية طويلة '.repeat(Math.ceil((5 * 1024 * 1024) / 31));
    const decoded = decodeFile(utf8(line), 'one-line.txt');
    expect(decoded.text.length).toBe(line.length);
    expect(decoded.text).toBe(line);
  });
});
