import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The CSP source that allows one inline script or style, by the hash of its exact text. */
export const hashSource = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The texts of a page's inline scripts and styles, as the browser hashes them: the content of each
 * `<script>` and `<style>` written without attributes (a script with `src` is no inline script). The built
 * page writes its inline code that way and no other (electron.vite.config.ts); inline code written
 * otherwise is not listed, so the policy refuses it.
 */
export function inlineTexts(page: string): { scripts: string[]; styles: string[] } {
  const texts = (tag: string) =>
    [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1] ?? '');
  return { scripts: texts('script'), styles: texts('style') };
}

/**
 * The renderer's Content-Security-Policy for `page`, the built index.html: sent as a response header by the
 * app:// protocol handler (and by the browser tests' servers, so that the tests run the page under the same
 * policy), and written into the page's own meta tag by the build. No remote origin, no eval, and no inline
 * script or style but those the built page carries, each allowed by the hash of its exact text (the first
 * script, shared/early-script.ts; the reader's first screen and the stylesheet it is drawn with,
 * first-screen/in-page.ts): any other, or one of those changed, is refused. See docs/ARCHITECTURE.md,
 * "The desktop shell" and "Opening fast".
 */
export function contentSecurityPolicy(page: string): string {
  const { scripts, styles } = inlineTexts(page);
  const sources = (texts: string[]) => ["'self'", ...texts.map(hashSource)].join(' ');
  return [
    "default-src 'none'",
    `script-src ${sources(scripts)}`,
    `style-src ${sources(styles)}`,
    "img-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy as a meta tag can carry it: browsers ignore frame-ancestors there. */
export const metaPolicy = (page: string): string =>
  contentSecurityPolicy(page)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');

/**
 * The policy of the built renderer in `rendererDir`, from its index.html, read once when the app starts
 * (the page is part of the app, as its scripts are). Without the page, no inline code is allowed.
 */
export function rendererPolicy(rendererDir: string): string {
  let page = '';
  try {
    page = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    // Nothing to serve either: every request for the page is answered 404.
  }
  return contentSecurityPolicy(page);
}

/** The origin the renderer is served from in Electron. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hamish';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
