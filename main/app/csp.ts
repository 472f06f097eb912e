/**
 * The renderer's Content-Security-Policy, sent as a response header by the app:// protocol handler
 * (and by the browser e2e server, so the tests run the page under the same policy). No remote origin,
 * no inline script, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
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
