/**
 * The book's own table of contents: the EPUB 3 navigation document's `toc` nav (EPUB 3.3 §7.4), else
 * the EPUB 2 NCX's navMap. Entries point to a file of the book and maybe an anchor in it; the book
 * importer turns that into a block index.
 */
import type { XmlReader } from './xml';
import { bookPath, epubTypes, fragmentOf } from './xml';

export type TocLink = { title: string; path: string | null; fragment: string; children: TocLink[] };

/** Nesting kept (deeper entries are dropped: no book nests its contents deeper). */
export const MAX_TOC_DEPTH = 8;
/** Entries kept at most, a table of contents for every chapter of a 10,000-chapter book. */
export const MAX_TOC_ENTRIES = 20_000;

const oneLine = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const childrenNamed = (element: Element, name: string): Element[] =>
  [...element.children].filter((child) => child.localName === name);

class Budget {
  left = MAX_TOC_ENTRIES;
}

function navList(list: Element, from: string, depth: number, budget: Budget): TocLink[] {
  if (depth > MAX_TOC_DEPTH) return [];
  return childrenNamed(list, 'li').flatMap((item) => {
    if (budget.left <= 0) return [];
    budget.left -= 1;
    const label = [...item.children].find((child) => child.localName === 'a' || child.localName === 'span');
    const href = label?.localName === 'a' ? (label.getAttribute('href') ?? '') : '';
    const nested = childrenNamed(item, 'ol')[0];
    return [
      {
        title: oneLine(label?.textContent),
        path: href === '' ? null : bookPath(href, from),
        fragment: fragmentOf(href),
        children: nested ? navList(nested, from, depth + 1, budget) : [],
      },
    ];
  });
}

/** The `toc` nav of an EPUB 3 navigation document, or null when it has none. */
export function navContents(text: string, path: string, xml: XmlReader): TocLink[] | null {
  const document = xml.chapter(text);
  const navs = xml.all(document, 'nav');
  const toc = navs.find((nav) => epubTypes(nav).includes('toc')) ?? null;
  const list = toc && childrenNamed(toc, 'ol')[0];
  return list ? navList(list, path, 1, new Budget()) : null;
}

function navPoints(parent: Element, from: string, depth: number, budget: Budget): TocLink[] {
  if (depth > MAX_TOC_DEPTH) return [];
  return childrenNamed(parent, 'navPoint').flatMap((point) => {
    if (budget.left <= 0) return [];
    budget.left -= 1;
    const label = childrenNamed(point, 'navLabel')[0];
    const src = childrenNamed(point, 'content')[0]?.getAttribute('src') ?? '';
    return [
      {
        title: oneLine(label ? (childrenNamed(label, 'text')[0]?.textContent ?? label.textContent) : ''),
        path: src === '' ? null : bookPath(src, from),
        fragment: fragmentOf(src),
        children: navPoints(point, from, depth + 1, budget),
      },
    ];
  });
}

/** The navMap of an EPUB 2 NCX, or null when it has none (an NCX that is not XML is ignored too). */
export function ncxContents(text: string, path: string, xml: XmlReader): TocLink[] | null {
  let document: Document;
  try {
    document = xml.parse(text, path);
  } catch {
    return null;
  }
  const map = xml.all(document, 'navMap')[0];
  return map ? navPoints(map, path, 1, new Budget()) : null;
}
