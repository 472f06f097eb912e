/**
 * Arabic-aware normalisation for search and anchoring, with a map from every normalised character back to
 * the original text, so a hit found in normalised text can be highlighted in the article (as pdf.js does).
 *
 * Per character: NFKC (presentation forms ﺋ ﻴ ﻻ become letters); harakat U+064B–065F, U+0670, Quranic marks
 * and tatweel removed; bidi, joiner and other invisible controls removed; أ إ آ ٱ → ا, ى → ي, ة → ه,
 * ؤ ئ → ء (see arabic-fold.ts for why), Persian ی → ي and ک → ك; Arabic-Indic and Persian digits → ASCII;
 * simple lowercase; typographic quotes → " or '. Across characters: every whitespace run becomes one space
 * (kept at the ends, so offsets stay simple), and a combining hamza above after ي or و seats the hamza like
 * the precomposed ئ ؤ. Optional: one prefix per word (arabic-stem.ts).
 */

import { EXPAND, REMOVE, expansionOf, foldAstral, foldUnit, isIgnorable } from './arabic-fold';
import { stripPrefixes } from './arabic-stem';
import { snapToGraphemes } from './graphemes';
import { codePointAt, isWordCodePoint } from './word-chars';

export type NormalizeOptions = { stem?: boolean };

/** Normalised text; `map[i]` is the index in `original` of the character that produced `text[i]`. */
export type NormalizedText = { text: string; map: Int32Array; original: string };

export type Token = { term: string; start: number; end: number };

const SPACE = 0x20;
const HAMZA = 0x0621;
const HAMZA_ABOVE = 0x0654;
const YEH = 0x064a;
const WAW = 0x0648;

/** Growable output buffers; most text never grows them, ligatures such as ﷺ do. */
class Output {
  units: Uint16Array;
  map: Int32Array;
  length = 0;
  hasLoneSurrogate = false;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.map = new Int32Array(capacity);
  }

  push(unit: number, origin: number): void {
    // Collapsing here, after removals, also merges spaces that only invisible controls separated.
    if (unit === SPACE && this.length > 0 && this.units[this.length - 1] === SPACE) return;
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.map[this.length] = origin;
    this.length++;
  }

  pushAll(text: string, origin: number): void {
    for (let k = 0; k < text.length; k++) this.push(text.charCodeAt(k), origin);
  }

  private grow(): void {
    const units = new Uint16Array(this.units.length * 2 + 16);
    const map = new Int32Array(units.length);
    units.set(this.units);
    map.set(this.map);
    this.units = units;
    this.map = map;
  }
}

const utf16 = new TextDecoder('utf-16le');
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function unitsToString(units: Uint16Array, length: number, hasLoneSurrogate: boolean): string {
  // TextDecoder is ~10× faster than fromCharCode, but it would replace a lone surrogate with U+FFFD.
  if (LITTLE_ENDIAN && !hasLoneSurrogate) return utf16.decode(units.subarray(0, length));
  const CHUNK = 4096;
  const parts: string[] = [];
  for (let start = 0; start < length; start += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(start, Math.min(length, start + CHUNK))));
  }
  return parts.join('');
}

function appendAstral(out: Output, text: string, i: number): number {
  const { cp, size } = codePointAt(text, i);
  if (size === 1) {
    out.push(text.charCodeAt(i), i); // a lone surrogate passes through
    out.hasLoneSurrogate = true;
    return 1;
  }
  const folded = foldAstral(cp);
  if (folded === null) {
    out.push(text.charCodeAt(i), i);
    out.push(text.charCodeAt(i + 1), i + 1);
  } else {
    out.pushAll(folded, i);
  }
  return 2;
}

/** Normalises `text` for matching; see the module comment for the rules. */
export function normalizeArabic(text: string, options: NormalizeOptions = {}): NormalizedText {
  const out = new Output(text.length + 16);
  // A local alias: some module loaders turn every use of an imported binding into a getter call.
  const fold = foldUnit;
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    const folded = fold(unit);
    const length = out.length;
    if (folded >= 0 && length < out.units.length) {
      // The common case, inlined: one character in, one out.
      if (folded !== SPACE || length === 0 || out.units[length - 1] !== SPACE) {
        out.units[length] = folded;
        out.map[length] = i;
        out.length = length + 1;
      }
    } else if (folded >= 0) {
      out.push(folded, i);
    } else if (folded === REMOVE) {
      const last = length > 0 ? out.units[length - 1] : -1;
      if (unit === HAMZA_ABOVE && (last === YEH || last === WAW)) out.units[length - 1] = HAMZA;
    } else if (folded === EXPAND) {
      out.pushAll(expansionOf(unit), i);
    } else {
      i += appendAstral(out, text, i);
      continue;
    }
    i++;
  }
  const length = options.stem ? stripPrefixes(out.units, out.map, out.length) : out.length;
  return {
    text: unitsToString(out.units, length, out.hasLoneSurrogate),
    map: out.map.slice(0, length),
    original: text,
  };
}

const MARK = /^\p{M}$/u;

/** How many code units at `index` are a mark or tatweel that visually belongs to the letter before (0 if none). */
function attachedLength(text: string, index: number): number {
  const { cp, size } = codePointAt(text, index);
  const arabicMark = cp >= 0x0610 && cp <= 0x06ed && isIgnorable(cp); // harakat, Quranic marks, tatweel
  return arabicMark || MARK.test(String.fromCodePoint(cp)) ? size : 0;
}

/**
 * Maps a hit [start, end) in `norm.text` back to the original text: [map[start], map[end−1]+1), extended
 * over trailing harakat and tatweel (so the highlight covers them) and widened to whole grapheme clusters.
 */
export function toOriginalSpan(
  norm: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (!(start >= 0 && end <= norm.text.length && start < end)) {
    throw new RangeError(`span [${start}, ${end}) is not inside the normalised text (${norm.text.length})`);
  }
  const { original, map } = norm;
  const first = map[start] ?? 0;
  const last = map[end - 1] ?? 0;
  let originalEnd = last + codePointAt(original, last).size;
  while (originalEnd < original.length) {
    const step = attachedLength(original, originalEnd);
    if (step === 0) break;
    originalEnd += step;
  }
  return snapToGraphemes(original, first, originalEnd);
}

/** Splits normalised text into words (runs of letters, digits and marks) with their offsets. */
export function tokenize(normalized: string): Token[] {
  const isWord = isWordCodePoint;
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= normalized.length;) {
    let cp = -1;
    let size = 1;
    if (i < normalized.length) {
      cp = normalized.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) {
        cp = normalized.codePointAt(i) ?? cp;
        size = cp > 0xffff ? 2 : 1;
      }
    }
    const inWord = cp >= 0 && isWord(cp);
    if (inWord && start < 0) start = i;
    if (!inWord && start >= 0) {
      tokens.push({ term: normalized.slice(start, i), start, end: i });
      start = -1;
    }
    i += size;
  }
  return tokens;
}
