/**
 * Pictures of articles are served from the data folder's assets/ at `/assets/<sha256>.<ext>`, beside the
 * renderer's own files, so the page's CSP (`img-src 'self'`) covers them and nothing remote is ever needed.
 * Shared by the app:// handler and the e2e server. Only a name made of a content hash and a picture type
 * is answered, so a request can never name another file.
 */
import { assetFile } from '../store/assets';

const ROUTE = /^\/assets\/([0-9a-f]{64}\.(png|jpg|gif|webp|avif|svg))$/;

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The file a request path names in the data folder's assets, or null when it names no asset. */
export function assetForRequest(dataDir: string, pathname: string): string | null {
  const match = ROUTE.exec(pathname);
  return match?.[1] ? assetFile(dataDir, match[1]) : null;
}

/** Response headers for an asset: its type, no sniffing, and no script or request even if opened alone. */
export function assetHeaders(file: string): Record<string, string> {
  return {
    'content-type': TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'cache-control': 'max-age=31536000, immutable',
  };
}
