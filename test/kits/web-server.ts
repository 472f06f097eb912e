/**
 * A web server for tests, on 127.0.0.1 only: fixture pages for every case the saver must handle
 * (redirects, legacy Arabic encodings, compression and compression bombs, slow and endless answers, wrong
 * types, error statuses, pictures that fail). Tests never reach past the loopback interface.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { pngBytes } from './images';

export const ARABIC_PARAGRAPH =
  'يتناول هذا المقال تاريخ الخط العربي وتطوره عبر القرون، من الكوفي إلى النسخ والثلث، وكيف حافظ الخطاطون على جمال الحروف.';

/** Text in Windows-1256, byte for byte (Node encodes only UTF-8): the code page's own table, inverted. */
export function windows1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((char) => table.get(char) ?? 0x3f));
}

/** An Arabic article page; `pictures` are the addresses of its figures. */
export function articlePage(
  title: string,
  paragraphs: number,
  pictures: readonly string[] = [],
  head = '',
): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>${ARABIC_PARAGRAPH} (${i + 1})</p>`);
  pictures.forEach((src, i) => {
    body.splice(
      Math.min(body.length, 2 + i * 2),
      0,
      `<figure><img src="${src}" alt="صورة ${i + 1}" width="320" height="200"><figcaption>تعليق الصورة ${i + 1}</figcaption></figure>`,
    );
  });
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>${title}</h1>${body.join('\n')}</article><footer>حقوق النشر</footer></body></html>`;
}

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export type TestServer = {
  url: (path: string) => string;
  /** Paths requested so far, in order, with the headers each request carried. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  /** Adds or replaces a route. */
  route: (path: string, handler: Handler) => void;
  close: () => Promise<void>;
};

const html =
  (body: string | Buffer, type = 'text/html; charset=utf-8'): Handler =>
  (_request, response) => {
    response.writeHead(200, { 'Content-Type': type });
    response.end(body);
  };

function fixtureRoutes(): Map<string, Handler> {
  const routes = new Map<string, Handler>();
  const page = articlePage(
    'الخط العربي',
    6,
    ['/img/photo.png', 'img/missing.png'],
    '<meta name="author" content="سارة الكاتبة"><meta property="og:site_name" content="مجلة الخط"><meta property="article:published_time" content="2026-03-01T08:00:00Z"><link rel="canonical" href="/articles/khatt?utm_source=x">',
  );
  routes.set('/article', html(page));
  // A lazy-loading page: a blank placeholder in src, the picture in data-src (as many news sites do).
  routes.set(
    '/lazy',
    html(
      articlePage('صفحة كسولة', 4).replace(
        '</article>',
        '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/photo.png" alt="كسولة"><figcaption>صورة تظهر عند التمرير</figcaption></figure><p><img src="/img/spacer.gif" data-lazy-src="img/photo.png?size=2" alt="ثانية" width="300" height="200"></p></article>',
      ),
    ),
  );
  routes.set('/img/photo.png', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/png' });
    response.end(pngBytes(40, 30, 7));
  });
  routes.set('/img/missing.png', (_request, response) => {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('no such picture');
  });
  for (let hop = 1; hop <= 6; hop += 1) {
    routes.set(`/hop/${hop}`, (_request, response) => {
      response.writeHead(302, { Location: hop === 1 ? '/article' : `/hop/${hop - 1}` });
      response.end();
    });
  }
  routes.set('/to-file', (_request, response) => {
    response.writeHead(301, { Location: 'file:///etc/passwd' });
    response.end();
  });
  routes.set(
    '/cp1256',
    html(
      windows1256(
        `<html><head><title>مقال قديم</title></head><body><h1>مقال قديم</h1><p>${ARABIC_PARAGRAPH}</p><p>${ARABIC_PARAGRAPH}</p></body></html>`,
      ),
      'text/html',
    ),
  );
  routes.set(
    '/cp1256-meta',
    html(
      windows1256(
        `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>مقال</title></head><body><p>${ARABIC_PARAGRAPH}</p></body></html>`,
      ),
      'text/html',
    ),
  );
  routes.set('/gzip', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' });
    response.end(zlib.gzipSync(articlePage('صفحة مضغوطة', 4)));
  });
  routes.set('/brotli', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'br' });
    response.end(zlib.brotliCompressSync(articlePage('صفحة مضغوطة', 4)));
  });
  // 64 MB of spaces inside a page, gzipped to about 64 KB.
  const bomb = zlib.gzipSync(
    Buffer.concat([Buffer.from('<html><body><p>'), Buffer.alloc(64 * 1024 * 1024, 0x20)]),
  );
  routes.set('/bomb', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
    response.end(bomb);
  });
  routes.set('/slow', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.write('<html><body><p>');
    // Never finishes: one byte a second.
    const timer = setInterval(() => response.write('.'), 1000);
    response.on('close', () => clearInterval(timer));
  });
  routes.set('/silent', () => {
    // Accepts the request and never answers.
  });
  routes.set('/endless', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = (): void => {
      while (response.write(chunk));
    };
    response.on('drain', pump);
    pump();
  });
  routes.set('/huge', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(30 * 1024 * 1024) });
    response.end('<html>');
  });
  routes.set('/pdf', html(Buffer.from('%PDF-1.7\n'), 'application/pdf'));
  routes.set('/png', html(pngBytes(10, 10), 'image/png'));
  routes.set('/json', html('{"a":1}', 'application/json'));
  routes.set('/500', (_request, response) => {
    response.writeHead(500, { 'Content-Type': 'text/html' });
    response.end('<p>oops</p>');
  });
  routes.set('/cookie', (_request, response) => {
    response.writeHead(302, { Location: '/article', 'Set-Cookie': 'session=secret; Path=/' });
    response.end();
  });
  return routes;
}

/** Starts the fixture server on 127.0.0.1 on a free port. */
export async function startTestServer(): Promise<TestServer> {
  const routes = fixtureRoutes();
  const requests: TestServer['requests'] = [];
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<p>not found</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
