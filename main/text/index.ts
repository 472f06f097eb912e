/**
 * The text module's front door: Arabic normalisation with an offset map back to the original characters,
 * word tokens and grapheme boundaries. Annotations (anchoring) and search both build on it; it imports
 * neither (docs/ARCHITECTURE.md, "Layers").
 */
export {
  normalizeArabic,
  toOriginalSpan,
  tokenize,
  type NormalizeOptions,
  type NormalizedText,
  type Token,
} from './arabic';
export { snapToGraphemes } from './graphemes';
export { codePointAt, isWordCodePoint } from './word-chars';
