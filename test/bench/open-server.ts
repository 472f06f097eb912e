import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { dispatch } from '../../main/api/dispatch';
import { METHODS } from '../../shared/methods';
import type { Service } from '../../main/api/service';
import { rendererPolicy } from '../../main/app/csp';
import { mimeType, resolveStaticFile } from '../../main/app/static-files';
import { RENDERER_DIR } from '../e2e/harness';
import { MINIMAL_PAGE } from './minimal-page';

/**
 * The server of the side-by-side opening bench: on one 127.0.0.1 origin, the built renderer, the minimal
 * page, and `POST /api/<method>` answering with the service's JSON result.
 *
 * Both pages get their data the same way, by `fetch` to that endpoint: Hamish through `httpBridge` (a
 * `window.hamish` whose methods post to it), the minimal page directly. The e2e rig's `exposeBinding`
 * bridge would instead send every call through the DevTools protocol and the test process — a cost per
 * call (and per byte of a 1 MB article) that Electron's IPC does not have and the minimal page would
 * not pay, so it would make Hamish look slower than it is.
 */
export async function serveOpenBench(service: Service): Promise<{ server: Server; origin: string }> {
  const policy = rendererPolicy(RENDERER_DIR);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) =>
      response.writeHead(status, { 'content-type': type, 'content-security-policy': policy }).end(body);
    if (url.pathname.startsWith('/api/') && request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          return send(400, 'text/plain', 'input is not JSON');
        }
        void dispatch(service, url.pathname.slice('/api/'.length), input).then((result) =>
          send(200, 'application/json', JSON.stringify(result)),
        );
      });
      return;
    }
    const minimal = MINIMAL_PAGE[url.pathname];
    if (minimal) return send(200, mimeType(url.pathname), minimal);
    const file = resolveStaticFile(RENDERER_DIR, url.pathname);
    if (!file) return send(404, 'text/plain', '');
    readFile(file).then(
      (body) => send(200, mimeType(file), body),
      () => send(404, 'text/plain', ''),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Defines `window.hamish` in every page load, each method posting its input to the bench server. */
export async function httpBridge(page: Page): Promise<void> {
  // A script string rather than a function: tsx would wrap the function's inner names in a helper that
  // does not exist in the page.
  await page.addInitScript({
    content: `{
      const call = (method, input) =>
        fetch('/api/' + method, { method: 'POST', body: JSON.stringify(input) }).then((r) => r.json());
      const api = Object.fromEntries(${JSON.stringify(METHODS)}.map((m) => [m, (input) => call(m, input)]));
      Object.defineProperty(window, 'hamish', { value: Object.freeze(api), writable: false, configurable: false });
    }`,
  });
}
