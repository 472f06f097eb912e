/**
 * Optional light stemming for search: one leading prefix per word, after normalisation.
 *
 * The rule (Lucene's ArabicStemmer prefixes, plus the single-letter proclitics ف ب ك ل): try the prefixes
 * longest first — وال فال بال كال, then لل ال, then و ف ب ك ل — and remove the first that matches when enough of
 * the word remains: at least 2 letters after a two- or three-letter prefix, at least 3 after a single letter.
 * So الأفريكوم → افريكوم, والبحث → بحث, للعناصر → عناصر, but بيت and فشل stay whole. It over-stems
 * (كتاب → تاب, الله → له), which is why it is off by default; query and index must use the same setting.
 */

import { isWordCodePoint } from './word-chars';

const PREFIXES: readonly (readonly number[])[] = [
  'وال',
  'فال',
  'بال',
  'كال',
  'لل',
  'ال',
  'و',
  'ف',
  'ب',
  'ك',
  'ل',
].map((prefix) => [...prefix].map((c) => c.charCodeAt(0)));

/** Where the word starting at `start` ends (exclusive); `start` itself when no word starts there. */
function wordEnd(units: Uint16Array, start: number, length: number, isWord: (cp: number) => boolean): number {
  let end = start;
  while (end < length) {
    const unit = units[end] ?? 0;
    const next = end + 1 < length ? (units[end + 1] ?? 0) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      if (!isWord((unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000)) break;
      end += 2;
    } else {
      if (!isWord(unit)) break;
      end += 1;
    }
  }
  return end;
}

function prefixToStrip(units: Uint16Array, start: number, end: number): number {
  const wordLength = end - start;
  for (const prefix of PREFIXES) {
    const minRest = prefix.length === 1 ? 3 : 2;
    if (wordLength - prefix.length < minRest) continue;
    let k = 0;
    while (k < prefix.length && units[start + k] === prefix[k]) k++;
    if (k === prefix.length) return k;
  }
  return 0;
}

/**
 * Removes one prefix from each word of `units[0, length)`, moving `map` along so every kept character
 * still points at its original index. Works in place; returns the new length.
 */
export function stripPrefixes(units: Uint16Array, map: Int32Array, length: number): number {
  // A local alias: some module loaders turn every use of an imported binding into a getter call.
  const isWord = isWordCodePoint;
  let read = 0;
  let write = 0;
  while (read < length) {
    let end = wordEnd(units, read, length, isWord);
    if (end === read) end = read + 1;
    else read += prefixToStrip(units, read, end);
    for (; read < end; read++, write++) {
      units[write] = units[read] ?? 0;
      map[write] = map[read] ?? 0;
    }
  }
  return write;
}
