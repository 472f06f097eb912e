import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { assetForRequest, assetHeaders } from './asset-route';
import { APP_HOST, APP_SCHEME, rendererPolicy } from './csp';
import { mimeType, resolveStaticFile } from './static-files';

/** Must run before the app is ready: app:// behaves like a standard, secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled renderer between starts (Chromium does so only for http(s) unless asked).
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** An article's picture from the data folder's assets, or null when the request names none. */
async function servePicture(dataDir: string | undefined, url: URL): Promise<Response | null> {
  const file = url.host === APP_HOST && dataDir ? assetForRequest(dataDir, url.pathname) : null;
  if (!file) return null;
  try {
    return new Response(await readFile(file), { headers: assetHeaders(file) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/**
 * Serves the built renderer, and only it, from app://hamish/ with the CSP as a header; and the pictures of
 * articles from `dataDir()`'s assets (read at each request: the data folder is known once the app is ready).
 */
export function serveRenderer(rendererDir: string, dataDir?: () => string): void {
  const policy = rendererPolicy(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const picture = await servePicture(dataDir?.(), url);
    if (picture) return picture;
    const file = url.host === APP_HOST ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': mimeType(file),
          'content-security-policy': policy,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
