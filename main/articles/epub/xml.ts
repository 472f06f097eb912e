/**
 * Reading the book's XML (container, package, navigation) and its chapters with one jsdom window per
 * import. jsdom runs no scripts and fetches nothing here (no `runScripts`, no `resources`, no URL), so a
 * book's scripts — EPUB 3 allows them, marked `properties="scripted"` — are never executed: they are text
 * the importer skips.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { ImportError } from '../import-error';

// Only used to resolve relative addresses between the book's files; never fetched.
const BOOK_ROOT = 'https://book.invalid/';

/**
 * The archive path `href` points to from the file at `from` (its fragment and query dropped), or null
 * when it leaves the book (another scheme or host). `..` cannot climb above the book's root.
 */
export function bookPath(href: string, from: string): string | null {
  if (!URL.canParse(href.trim(), BOOK_ROOT + from)) return null;
  const url = new URL(href.trim(), BOOK_ROOT + from);
  if (url.origin !== new URL(BOOK_ROOT).origin) return null;
  try {
    return decodeURIComponent(url.pathname.slice(1));
  } catch {
    return url.pathname.slice(1);
  }
}

/** The fragment of `href` (without '#', decoded), or '' when it has none. */
export function fragmentOf(href: string): string {
  const at = href.indexOf('#');
  if (at < 0) return '';
  try {
    return decodeURIComponent(href.slice(at + 1));
  } catch {
    return href.slice(at + 1);
  }
}

/**
 * Documents parsed in one jsdom window each leave listeners on it, and adding one scans those already
 * there: 10,000 chapters in one window took 95 s. A fresh window every WINDOW_CHAPTERS chapters keeps
 * that short (and lets the documents read before be collected).
 */
const WINDOW_CHAPTERS = 200;

export class XmlReader {
  private dom = new JSDOM('', { virtualConsole: new VirtualConsole() });
  private parser = new this.dom.window.DOMParser();
  private chapters = 0;

  constructor(private readonly file: string) {}

  /** Parses a required XML file of the book; a file that is not well-formed is an error naming it. */
  parse(text: string, path: string): Document {
    const document = this.parser.parseFromString(text, 'application/xml');
    if (document.getElementsByTagName('parsererror').length > 0)
      throw new ImportError('broken-book', this.file, `${path} is not well-formed XML`);
    return document;
  }

  /**
   * Parses a chapter as the XHTML it should be; one that is not well-formed (an undeclared entity, a
   * stray tag) is read leniently as HTML instead, as browsers' reading systems do.
   */
  chapter(text: string): Document {
    this.chapters += 1;
    if (this.chapters % WINDOW_CHAPTERS === 0) {
      this.dom.window.close();
      this.dom = new JSDOM('', { virtualConsole: new VirtualConsole() });
      this.parser = new this.dom.window.DOMParser();
    }
    const strict = this.parser.parseFromString(text, 'application/xhtml+xml');
    if (strict.getElementsByTagName('parsererror').length === 0 && strict.body) return strict;
    return this.parser.parseFromString(text, 'text/html');
  }

  /** The elements named `localName` under `root`, in any namespace (books write dc:, opf: or none). */
  all(root: Document | Element, localName: string): Element[] {
    return elementsNamed(root, localName);
  }

  close(): void {
    this.dom.window.close();
  }
}

/**
 * The elements named `localName` under `root`, in any namespace, in document order. Walked by hand: jsdom's
 * live collections (getElementsByTagNameNS) grow slower with every item read, and a 10,000-chapter spine
 * took over a minute through one.
 */
export function elementsNamed(root: Document | Element, localName: string): Element[] {
  const elements: Element[] = [];
  const top = 'documentElement' in root ? root.documentElement : root;
  let node: Element | null = top;
  while (node !== null) {
    if (node.localName === localName && node !== root) elements.push(node);
    if (node.firstElementChild !== null) {
      node = node.firstElementChild;
      continue;
    }
    while (node !== null && node !== top && node.nextElementSibling === null) node = node.parentElement;
    node = node === null || node === top ? null : node.nextElementSibling;
  }
  return elements;
}

const OPS = 'http://www.idpf.org/2007/ops';

/** The element's `epub:type` words (and ARIA `doc-*` roles, the same vocabulary). */
export function epubTypes(element: Element): string[] {
  const type = element.getAttributeNS(OPS, 'type') ?? element.getAttribute('epub:type') ?? '';
  const role = (element.getAttribute('role') ?? '').replace(/\bdoc-/g, '');
  return `${type} ${role}`.split(/\s+/).filter(Boolean);
}
