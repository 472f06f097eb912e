/**
 * What the user typed in a search box, turned into normalised needles.
 *
 * - Words outside quotes must all match, in any order. A word matches anywhere inside a word of the text,
 *   as a browser's find does: Arabic glues و ب ل ال to the front and pronouns to the end, so «اسلام» must find
 *   «والإسلامية» even without stemming.
 * - Text between double quotes (" “ ” « » and the other marks the normaliser unifies) is a phrase: its words
 *   in that order, any whitespace between them, punctuation inside it as written. Its outer edges follow the
 *   word rule (a phrase may start or end inside a word).
 * - An unpaired quote opens a phrase that runs to the end of the query, so a phrase being typed already
 *   behaves as it will once the closing quote is typed.
 * - An unquoted chunk with punctuation inside it (U.S., 19:30, e-mail) is a small phrase, so the punctuation
 *   counts; punctuation at a chunk's edges (a trailing comma) is dropped.
 * - Regex metacharacters are ordinary characters: nothing here builds a RegExp.
 * - Nothing throws: a query with nothing searchable in it (empty, only harakat or punctuation) is empty.
 */

import { normalizeArabic, tokenize, type Token } from '../text';

/**
 * Longest query honoured, in UTF-16 code units; the rest is ignored and `truncated` set. Five hundred
 * characters are about 80 Arabic words, far beyond any real query, and keep a pasted page from turning
 * every keystroke into hundreds of scans of a long article.
 */
export const MAX_QUERY_LENGTH = 500;

/** A run of words to be found in order: `text` is searched for as is; `words` narrow the candidates. */
export type Phrase = { text: string; words: string[] };

/** A parsed query; every string in it is already normalised (with `stem` as set). */
export type ParsedQuery = {
  /** The query as honoured: the raw input, cut to MAX_QUERY_LENGTH. */
  raw: string;
  stem: boolean;
  /** Distinct words that must all occur, in any order. */
  words: string[];
  /** Distinct phrases that must all occur. */
  phrases: Phrase[];
  /** True when the input was longer than MAX_QUERY_LENGTH. */
  truncated: boolean;
};

const QUOTE = '"';

/** Cuts at `max` code units without splitting a surrogate pair. */
function cap(raw: string, max: number): string {
  if (raw.length <= max) return raw;
  const last = raw.charCodeAt(max - 1);
  return raw.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function phraseOf(segment: string, tokens: readonly Token[]): Phrase {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const text = first && last ? segment.slice(first.start, last.end) : '';
  return { text, words: tokens.map((token) => token.term) };
}

/** Parses a search query; see the module comment for the rules. Never throws. */
export function parseQuery(raw: string, options: { stem?: boolean } = {}): ParsedQuery {
  const stem = options.stem ?? false;
  const honoured = cap(raw, MAX_QUERY_LENGTH);
  const words = new Set<string>();
  const phrases = new Map<string, Phrase>();
  const addPhrase = (phrase: Phrase) => {
    if (phrase.words.length > 0 && !phrases.has(phrase.text)) phrases.set(phrase.text, phrase);
  };
  // Normalising first lets one split find every kind of double quote, and keeps phrase text normalised.
  const segments = normalizeArabic(honoured, { stem }).text.split(QUOTE);
  segments.forEach((segment, index) => {
    const quoted = index % 2 === 1;
    if (quoted) {
      addPhrase(phraseOf(segment, tokenize(segment)));
      return;
    }
    for (const chunk of segment.split(' ')) {
      const tokens = tokenize(chunk);
      const only = tokens[0];
      if (tokens.length === 1 && only) words.add(only.term);
      else addPhrase(phraseOf(chunk, tokens));
    }
  });
  return {
    raw: honoured,
    stem,
    words: [...words],
    phrases: [...phrases.values()],
    truncated: honoured.length < raw.length,
  };
}

/** True when the query has nothing to search for. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0;
}

/** The strings that must each be found in the normalised text: the words, then the phrases' text. */
export function queryNeedles(query: ParsedQuery): string[] {
  return [...query.words, ...query.phrases.map((phrase) => phrase.text)];
}
