/**
 * A web address → an article kept offline: the page fetched within its limits, decoded, its article picked
 * out by the HTML importer (Readability; no script runs, nothing is loaded while it is read), its pictures
 * downloaded, and what the page says about itself (address, site, author, date, language) kept with it.
 */
import { createHash } from 'node:crypto';
import { canonicalText, cleanSourceText, detectLanguage, withBlockDirections } from '../articles';
import { parseHtml } from '../articles/html-import';
import { ImportError } from '../articles/import-error';
import type { Block, Direction, WebSource } from '../../shared/article-model';
import { contentOnly, PictureCollector } from '../articles/pictures';
import { isPrivateHost, webAddress } from './address';
import { decodePage } from './charset';
import { DEFAULT_TIME_LIMIT_MS, fetchResource, MAX_HTML_BYTES } from './fetch';
import { pageMetadata } from './metadata';
import { downloadPictures } from './page-pictures';
import { withLazyPicturesLoaded } from './lazy-pictures';
import { WebError } from './web-error';

export type SaveLimits = {
  /** The whole save, pictures included (default 30 s). */
  timeLimitMs?: number;
  /** The page's HTML, received and decompressed (default 20 MB). */
  maxBytes?: number;
  /** The person cancelling. */
  signal?: AbortSignal;
  /**
   * Whether the page and its pictures may come from the local computer or the local network. By default only
   * when the address asked for is itself there: a public page never leads to a private one.
   */
  allowPrivate?: boolean;
};

/** A saved page, in the shape of an imported file plus where it came from. */
export type SavedPage = {
  kind: 'html';
  sha256: string;
  title: string;
  lang: string;
  dir: Direction;
  blocks: Block[];
  assets: ReadonlyMap<string, Uint8Array>;
  web: WebSource;
};

const HTML_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i;

/** Refuses what is not a web page before reading it, saying what it is. */
function refuseNonHtml(contentType: string): string | null {
  if (contentType.trim() === '' || HTML_TYPES.test(contentType)) return null;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const what = type.startsWith('image/')
    ? 'an image'
    : type === 'application/pdf'
      ? 'a PDF document'
      : /json/.test(type)
        ? 'JSON data'
        : `${type}, not a web page`;
  return `the address gives ${what}; Hamish saves web pages (text/html)`;
}

/** `<base href>` of the page, if it gives one, else where it was fetched from. */
function baseOf(html: string, finalUrl: URL): URL {
  const given = /<base\s[^>]*href\s*=\s*["']?([^"'\s>]+)/i.exec(html.slice(0, 64 * 1024))?.[1];
  try {
    if (given) {
      const base = new URL(given, finalUrl);
      if (base.protocol === 'http:' || base.protocol === 'https:') return base;
    }
  } catch {
    // An unreadable <base>: the page's own address stands.
  }
  return finalUrl;
}

/** Fetches `address` and turns it into an article; throws WebError or ImportError naming the address. */
export async function savePage(address: string, limits: SaveLimits = {}): Promise<SavedPage> {
  const timeout = AbortSignal.timeout(limits.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const signal = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout;
  const allowPrivate = limits.allowPrivate ?? isPrivateHost(webAddress(address));
  const fetched = await fetchResource(address, {
    allowPrivate,
    maxBytes: limits.maxBytes ?? MAX_HTML_BYTES,
    signal,
    accept: 'text/html,application/xhtml+xml;q=0.9',
    refuseType: refuseNonHtml,
  });
  const name = fetched.url.href;
  const decoded = decodePage(fetched.bytes, fetched.contentType, name);
  // As every importer: BOM, line ends and controls normalised; presentation forms read as their letters.
  const html = withLazyPicturesLoaded(cleanSourceText(decoded.text));
  const base = baseOf(html, fetched.url);
  // The page's relative links are read against its address (the importer has no address of its own).
  const withBase = /<base\s[^>]*href/i.test(html.slice(0, 64 * 1024))
    ? html
    : `<base href="${base.href.replace(/"/g, '%22')}">${html}`;
  const collector = new PictureCollector(contentOnly);
  const parsed = parseHtml(withBase, name, collector);
  if (parsed.blocks.length === 0) throw new ImportError('no-content', name);
  await downloadPictures(parsed.blocks, base, collector, signal, allowPrivate);
  if (signal.aborted) throw new WebError('web-cancelled', name, 'the save was cancelled');
  const metadata = pageMetadata(html, fetched.url);
  const detected = detectLanguage(canonicalText(parsed.blocks));
  // The page's declared language counts when the text agrees on the script (a page marked "en" by its
  // template but written in Arabic is read as Arabic).
  const declared = metadata.lang ?? '';
  const sameLanguage = declared.toLowerCase().split('-')[0] === detected.lang.split('-')[0];
  const lang = declared !== '' && sameLanguage ? declared : detected.lang;
  const web: WebSource = {
    url: metadata.canonical,
    fetchedFrom: fetched.url.href,
    ...(metadata.site && { site: metadata.site }),
    ...(metadata.author && { author: metadata.author }),
    ...(metadata.published && { published: metadata.published }),
  };
  return {
    kind: 'html',
    sha256: createHash('sha256').update(fetched.bytes).digest('hex'),
    title: parsed.title || metadata.site || fetched.url.hostname,
    lang,
    dir: detected.dir,
    blocks: withBlockDirections(parsed.blocks, detected.dir),
    assets: collector.assets,
    web,
  };
}
