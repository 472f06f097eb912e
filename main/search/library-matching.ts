/**
 * Which indexed documents contain every word and phrase of a query. Each query word (and each word of a
 * phrase) is looked up in the vocabulary, the postings of its terms are intersected word by word —
 * cheapest word first, with a counter per document rather than sets — and phrases are then confirmed on
 * the few documents left by searching their normalised text.
 */

import type { LibraryDocument } from './library-documents';
import type { ParsedQuery } from './query';
import type { TermIndex } from './term-index';

/** A document as the library index keeps it. */
export type IndexedDocument = LibraryDocument & {
  id: number;
  articleId: string;
  /** The article's place in the library: the order articles were first added. */
  articleOrder: number;
  /** `text` normalised with the index's settings. */
  normalized: string;
  normalizedTags: readonly string[];
};

type WordPostings = { terms: number[]; cost: number };

function postingsOf(terms: TermIndex, word: string): WordPostings {
  const ids = terms.termsContaining(word);
  let cost = 0;
  for (const id of ids) cost += terms.documentsOf(id).length;
  return { terms: ids, cost };
}

/**
 * The live documents that contain the whole query and pass `accept`, in id order. `documents` is indexed
 * by document id, null for a removed document.
 */
export function collectMatches(
  terms: TermIndex,
  documents: readonly (IndexedDocument | null)[],
  query: ParsedQuery,
  accept: (document: IndexedDocument) => boolean,
): IndexedDocument[] {
  const words = new Set([...query.words, ...query.phrases.flatMap((phrase) => phrase.words)]);
  const lists: WordPostings[] = [];
  for (const word of words) {
    const list = postingsOf(terms, word);
    if (list.cost === 0) return []; // stop at the first word found nowhere (a long pasted query)
    lists.push(list);
  }
  if (lists.length === 0) return [];
  lists.sort((a, b) => a.cost - b.cost);
  // seen[doc] = how many of the words so far the document contains, all of them only if it had every earlier one.
  const seen = new Int32Array(documents.length);
  lists.forEach((list, round) => {
    for (const term of list.terms) {
      for (const doc of terms.documentsOf(term)) {
        if (seen[doc] === round) seen[doc] = round + 1;
      }
    }
  });
  const matches: IndexedDocument[] = [];
  for (let id = 0; id < documents.length; id++) {
    if (seen[id] !== lists.length) continue;
    const document = documents[id];
    if (!document || !accept(document)) continue;
    if (query.phrases.every((phrase) => document.normalized.includes(phrase.text))) matches.push(document);
  }
  return matches;
}
