/**
 * Lazy-loading pages put a blank placeholder in an `<img>`'s `src` and the picture in `data-src` (or
 * `data-lazy-src`, `data-original`), for their scripts to swap in while the reader scrolls. Scripts never
 * run here, so the swap is done on the page's text before it is read: the picture, not the placeholder,
 * is the one downloaded.
 */

const IMG_TAG = /<img\b[^>]*>/gi;
const LAZY_ATTRIBUTE = /\sdata-(?:lazy-src|src|original|lazy)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const SRC_ATTRIBUTE = /\ssrc\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/i;

/** `html` with every lazy `<img>`'s `src` replaced by the address its data attribute holds. */
export function withLazyPicturesLoaded(html: string): string {
  return html.replace(IMG_TAG, (tag) => {
    const lazy = LAZY_ATTRIBUTE.exec(tag);
    const address = (lazy?.[2] ?? lazy?.[3] ?? lazy?.[4] ?? '').trim();
    if (address === '' || /^data:/i.test(address)) return tag;
    const quoted = `"${address.replace(/"/g, '&quot;')}"`;
    return SRC_ATTRIBUTE.test(tag)
      ? tag.replace(SRC_ATTRIBUTE, ` src=${quoted}`)
      : tag.replace(/^<img\b/i, `<img src=${quoted}`);
  });
}
