/**
 * The pictures of a saved article, downloaded after its text was extracted, so that only the pictures of
 * the article itself are fetched (never the page's ads, icons or trackers). Each has the limits of an
 * imported picture; one that cannot be downloaded is listed as missing and never stops the save.
 */
import { MAX_IMAGE_BYTES } from '../articles/image-type';
import type { Block, MissingReason } from '../../shared/article-model';
import type { PictureCollector } from '../articles/pictures';
import { fetchResource } from './fetch';
import { WebError } from './web-error';

/** A picture that takes longer than this is given up (the save's own limit still applies). */
export const PICTURE_TIME_LIMIT_MS = 15_000;
/** Pictures downloaded at once. */
const PARALLEL = 4;

const refuseNonImage = (contentType: string): string | null =>
  /^\s*(text\/html|application\/(json|pdf|xhtml))/i.test(contentType) ? `it is ${contentType}` : null;

function reasonOf(error: unknown): MissingReason {
  if (error instanceof WebError) {
    if (error.code === 'too-large') return 'too-large';
    if (error.code === 'web-status' && / 404\)|HTTP 410/.test(error.message)) return 'not-found';
    if (error.code === 'web-not-html') return 'not-an-image';
  }
  return 'download-failed';
}

/**
 * Downloads the picture of every figure the page named by a web address (relative ones read against
 * `base`) and keeps it in `collector`; the blocks are changed in place. `signal` is the save's.
 */
export async function downloadPictures(
  blocks: Block[],
  base: URL,
  collector: PictureCollector,
  signal: AbortSignal,
  allowPrivate: boolean,
): Promise<void> {
  const waiting = blocks.filter(
    (block) =>
      block.kind === 'figure' && block.missing && /^(remote|content-only)$/.test(block.missing.reason),
  );
  const fetchOne = async (block: Block): Promise<void> => {
    const missing = block.missing;
    if (!missing) return;
    let address: URL;
    try {
      address = new URL(missing.src, base);
    } catch {
      return;
    }
    if (address.protocol !== 'http:' && address.protocol !== 'https:') return;
    let bytes: Uint8Array | MissingReason;
    try {
      const fetched = await fetchResource(address.href, {
        maxBytes: MAX_IMAGE_BYTES,
        signal: AbortSignal.any([signal, AbortSignal.timeout(PICTURE_TIME_LIMIT_MS)]),
        accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml;q=0.8',
        refuseType: refuseNonImage,
        allowPrivate,
      });
      bytes = fetched.bytes;
    } catch (error) {
      // The person cancelling the save stops it; anything else only loses this picture.
      if (signal.aborted) throw error;
      bytes = reasonOf(error);
    }
    const kept = collector.keepBytes(address.href, missing.alt, bytes);
    if ('image' in kept) {
      delete block.missing;
      block.image = kept.image;
    } else block.missing = { ...kept.missing, src: address.href };
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < waiting.length) {
      const block = waiting[next];
      next += 1;
      if (block) await fetchOne(block);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, waiting.length) }, worker));
}
