/**
 * Which picture of an `<img>` to keep: the page may offer several (`srcset`, `<picture>` sources, a lazy
 * loader's `data-src`). The largest one the import can read locally wins; remote ones are never read.
 */
import type { KeptPicture, PictureCollector } from './pictures';

type Candidate = { src: string; size: number };

// Types a <source> may declare that we can keep; a source of another type (e.g. image/jxl) is passed over.
const KEPT_TYPES = /^image\/(png|jpeg|gif|webp|avif|svg\+xml)$/i;

/**
 * The candidates of a `srcset` attribute, each with its width (`480w`) or density (`2x`, scaled to be
 * comparable with widths). URLs may contain commas (`data:` URIs do), so the list is read as the HTML
 * standard reads it: a URL runs to white space, its descriptors run to the next comma.
 */
export function parseSrcset(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset.charAt(at))) at += 1;
    const urlStart = at;
    while (at < srcset.length && !/\s/.test(srcset.charAt(at))) at += 1;
    let src = srcset.slice(urlStart, at);
    let descriptor = '';
    if (src.endsWith(',')) src = src.replace(/,+$/, '');
    else {
      const descriptorStart = at;
      while (at < srcset.length && srcset.charAt(at) !== ',') at += 1;
      descriptor = srcset.slice(descriptorStart, at).trim();
    }
    if (src === '') continue;
    const width = /^(\d+)w$/.exec(descriptor);
    const density = /^(\d*\.?\d+)x$/.exec(descriptor);
    const size = width ? Number(width[1]) : density ? Number(density[1]) * 1000 : 1000;
    candidates.push({ src, size });
  }
  return candidates;
}

/** Every address `img` offers, best first: largest candidates, then its plain `src`. */
function candidatesOf(img: Element): string[] {
  const listed: Candidate[] = [];
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
  for (const source of picture ? [...picture.children] : []) {
    if (source.localName !== 'source') continue;
    const type = source.getAttribute('type');
    if (type !== null && !KEPT_TYPES.test(type.trim())) continue;
    listed.push(...parseSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? ''));
  }
  listed.push(...parseSrcset(img.getAttribute('srcset') ?? img.getAttribute('data-srcset') ?? ''));
  const ordered = listed.sort((a, b) => b.size - a.size).map((candidate) => candidate.src);
  const plain = [img.getAttribute('src'), img.getAttribute('data-src')].filter(
    (src): src is string => src !== null && src.trim() !== '',
  );
  return [...new Set([...ordered, ...plain])];
}

/** A 1×1 (or smaller) picture is a tracking pixel or a spacer, not part of the article. */
export function isPixel(img: Element): boolean {
  const side = (name: string): number => Number.parseInt(img.getAttribute(name) ?? '', 10);
  return side('width') <= 1 && side('height') <= 1;
}

/** Keeps the best picture `img` offers (or says why none could be kept, naming its plain `src`). */
export function keepPicture(img: Element, pictures: PictureCollector, alt: string): KeptPicture {
  const candidates = candidatesOf(img);
  const first = candidates[0] ?? '';
  let firstRead = undefined as ReturnType<PictureCollector['read']> | undefined;
  for (const src of candidates) {
    const read = pictures.read(src);
    firstRead ??= read;
    if (typeof read !== 'string') {
      const kept = pictures.keepBytes(src, alt, read);
      if ('image' in kept) return kept;
    }
  }
  const named = img.getAttribute('src') ?? first;
  return pictures.keepBytes(named, alt, firstRead ?? 'not-found');
}
