/**
 * What a page says about itself: its canonical address, site name, author, date published and language,
 * read from its head (link rel=canonical, Open Graph and article meta tags, schema.org JSON-LD, html lang).
 * Only the head is parsed, and, as for the article, no script runs and nothing is loaded.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { withoutTracking } from './address';

export type PageMetadata = {
  /** The article's address: the page's canonical link, else the final address without tracking. */
  canonical: string;
  site?: string;
  author?: string;
  published?: string;
  lang?: string;
};

// The head ends well before this in real pages; a page without one is read this far.
const HEAD_LIMIT = 512 * 1024;

const oneLine = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);

function firstMeta(document: Document, selectors: readonly string[]): string {
  for (const selector of selectors) {
    const value = oneLine(document.querySelector(selector)?.getAttribute('content'));
    if (value !== '') return value;
  }
  return '';
}

type JsonLd = { author?: unknown; datePublished?: unknown; publisher?: unknown; '@graph'?: unknown };

/** The schema.org objects the page describes itself with (broken JSON is ignored). */
function jsonLd(document: Document): JsonLd[] {
  const found: JsonLd[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const value: unknown = JSON.parse(script.textContent ?? '');
      const list = Array.isArray(value) ? value : [value];
      for (const item of list) {
        if (typeof item !== 'object' || item === null) continue;
        found.push(item as JsonLd);
        const graph = (item as JsonLd)['@graph'];
        if (Array.isArray(graph)) found.push(...graph.filter((g): g is JsonLd => typeof g === 'object' && g));
      }
    } catch {
      // A site's broken JSON-LD is its problem, not the reader's.
    }
  }
  return found;
}

function nameOf(value: unknown): string {
  if (typeof value === 'string') return oneLine(value);
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(', ');
  if (typeof value === 'object' && value !== null && 'name' in value) return nameOf(value.name);
  return '';
}

/** An author given as a profile address is not a name. */
const notAnAddress = (text: string): string => (/^https?:\/\//i.test(text) ? '' : text);

/** Reads a page's metadata; `finalUrl` is where the page was fetched from, after redirects. */
export function pageMetadata(html: string, finalUrl: URL): PageMetadata {
  const headEnd = html.search(/<\/head\s*>/i);
  const head = html.slice(0, headEnd >= 0 ? Math.min(headEnd, HEAD_LIMIT) : HEAD_LIMIT);
  const dom = new JSDOM(head, { virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const schema = jsonLd(document);
    const link = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? '';
    let canonical = withoutTracking(finalUrl);
    try {
      const parsed = new URL(link.trim(), finalUrl);
      if (link.trim() !== '' && (parsed.protocol === 'https:' || parsed.protocol === 'http:'))
        canonical = withoutTracking(parsed);
    } catch {
      // An unreadable canonical link: the address fetched stands.
    }
    const site =
      firstMeta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ||
      nameOf(schema.find((item) => item.publisher)?.publisher);
    const author =
      notAnAddress(
        firstMeta(document, [
          'meta[name="author"]',
          'meta[property="article:author"]',
          'meta[name="byl"]',
          'meta[name="twitter:creator"]',
        ]),
      ) || nameOf(schema.find((item) => item.author)?.author);
    const published =
      firstMeta(document, [
        'meta[property="article:published_time"]',
        'meta[name="pubdate"]',
        'meta[name="date"]',
        'meta[itemprop="datePublished"]',
        'meta[name="DC.date.issued"]',
      ]) || nameOf(schema.find((item) => typeof item.datePublished === 'string')?.datePublished);
    const lang = oneLine(document.documentElement.getAttribute('lang')).slice(0, 35);
    return {
      canonical,
      ...(site && { site }),
      ...(author && { author }),
      ...(published && { published }),
      ...(lang && { lang }),
    };
  } finally {
    dom.window.close();
  }
}
