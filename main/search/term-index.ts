/**
 * The inverted index under library search: every distinct normalised word (term) with the documents it
 * occurs in. Queries match inside words (query.ts), so a query word is looked up by scanning the
 * vocabulary, not the documents: all terms joined into one string, searched with indexOf. The vocabulary
 * of a large library is a few MB, the library's text tens of MB.
 *
 * Removal is lazy: a removed document stays in the postings until `compact` drops it (the library index
 * decides when); a term whose documents are all gone stays in the vocabulary until the index is rebuilt.
 */

import { tokenize } from '../text';

/** Between terms in the joined vocabulary: a space is never part of a term, so no match spans two. */
const SEPARATOR = ' ';

/** Terms and the documents they occur in; words are looked up as substrings of terms. */
export class TermIndex {
  private readonly ids = new Map<string, number>();
  /** postings[term] = ids of the documents containing it, ascending (documents are added in id order). */
  private postings: number[][] = [];
  /** Where each term starts in `joined`, ascending. */
  private starts = new Int32Array(1024);
  private joined = SEPARATOR;
  /** Terms added since `joined` was last built; appended in one go before the next scan. */
  private pending: string[] = [];
  /** The length `joined` will have once the pending terms are appended. */
  private joinedLength = SEPARATOR.length;

  get termCount(): number {
    return this.postings.length;
  }

  /** Records that document `doc` (greater than every id added before) contains the words of `normalized`. */
  add(doc: number, normalized: string): void {
    for (const { term } of tokenize(normalized)) {
      let id = this.ids.get(term);
      if (id === undefined) id = this.newTerm(term);
      const list = this.postings[id] as number[];
      // Documents arrive in id order, so a repeat of the word in the same document is the last entry.
      if (list[list.length - 1] !== doc) list.push(doc);
    }
  }

  /** Ids of the terms that contain `word`. */
  termsContaining(word: string): number[] {
    this.flush();
    const found: number[] = [];
    const { joined } = this;
    for (let at = joined.indexOf(word); at >= 0;) {
      const term = this.termAt(at);
      found.push(term);
      // Continue after this term: one hit per term is enough.
      const next = term + 1 < this.postings.length ? (this.starts[term + 1] ?? joined.length) : joined.length;
      at = joined.indexOf(word, next);
    }
    return found;
  }

  /** The documents containing term `id`. */
  documentsOf(id: number): readonly number[] {
    return this.postings[id] ?? [];
  }

  /** Renumbers documents: `renumber[old]` is the new id, or −1 for a removed document. */
  compact(renumber: Int32Array): void {
    this.postings = this.postings.map((list) => {
      const kept: number[] = [];
      for (const doc of list) {
        const id = renumber[doc] ?? -1;
        if (id >= 0) kept.push(id);
      }
      return kept;
    });
  }

  private newTerm(term: string): number {
    const id = this.postings.length;
    this.ids.set(term, id);
    this.postings.push([]);
    if (id === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[id] = this.joinedLength;
    this.joinedLength += term.length + SEPARATOR.length;
    this.pending.push(term);
    return id;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.joined += this.pending.join(SEPARATOR) + SEPARATOR;
    this.pending = [];
  }

  /** The term whose text covers position `at` of `joined` (binary search over `starts`). */
  private termAt(at: number): number {
    let low = 0;
    let high = this.postings.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
