import { createHash } from 'node:crypto';
import { EARLY_SCRIPT } from '../../shared/early-script';

/** The CSP source that allows one inline script, by the hash of its exact text. */
export const scriptHashSource = (script: string): string =>
  `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/**
 * The renderer's Content-Security-Policy, sent as a response header by the app:// protocol handler
 * (and by the browser e2e server, so the tests run the page under the same policy). No remote origin,
 * no eval, and no inline script but the page's first one (shared/early-script.ts), allowed by its hash:
 * any other inline script, or that one changed, is refused.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src 'self' ${scriptHashSource(EARLY_SCRIPT)}`,
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The origin the renderer is served from in Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hamish';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
