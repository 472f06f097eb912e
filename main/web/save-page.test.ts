import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { USER_AGENT } from './fetch';
import { savePage } from './save-page';
import { ARABIC_PARAGRAPH, startTestServer, type TestServer } from '../../test/kits/web-server';
import { WebError } from './web-error';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The WebError (or other error) a save fails with. */
async function failure(path: string, limits: Parameters<typeof savePage>[1] = {}): Promise<WebError> {
  const error: unknown = await savePage(path.includes(':') ? path : server.url(path), limits).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WebError);
  return error as WebError;
}

describe('saving a page from the web', () => {
  it('keeps the article, its picture, and what the page says about itself', async () => {
    const saved = await savePage(server.url('/article?utm_source=feed&fbclid=abc'));
    expect(saved.title).toBe('الخط العربي');
    expect(saved.lang).toBe('ar');
    expect(saved.dir).toBe('rtl');
    expect(canonicalText(saved.blocks)).toContain(ARABIC_PARAGRAPH);
    expect(canonicalText(saved.blocks)).not.toContain('حقوق النشر');
    const figures = saved.blocks.filter((block) => block.kind === 'figure');
    expect(figures).toHaveLength(2);
    expect(figures[0]?.image).toMatchObject({ width: 40, height: 30 });
    expect(saved.assets.has(figures[0]?.image?.asset ?? '')).toBe(true);
    // The picture that answers 404 is listed as missing, with its full address; the save goes on.
    expect(figures[1]?.missing).toMatchObject({ src: server.url('/img/missing.png'), reason: 'not-found' });
    expect(saved.web).toEqual({
      url: server.url('/articles/khatt'),
      fetchedFrom: server.url('/article?utm_source=feed&fbclid=abc'),
      site: 'مجلة الخط',
      author: 'سارة الكاتبة',
      published: '2026-03-01T08:00:00Z',
    });
  });

  it('downloads the picture a lazy-loading page names in data-src, not its placeholder', async () => {
    const saved = await savePage(server.url('/lazy'));
    const figures = saved.blocks.filter((block) => block.kind === 'figure');
    expect(figures.map((figure) => figure.image?.width)).toEqual([40, 40]);
  });

  it('says who asks and sends no cookie, even one the site set on the way', async () => {
    server.requests.length = 0;
    await savePage(server.url('/cookie'));
    const [first, second] = server.requests;
    expect(first?.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Hamish\/\d+\.\d+\.\d+ \(\+offline reader\)$/);
    expect(second?.path).toBe('/article');
    expect(second?.headers.cookie).toBeUndefined();
    expect(second?.headers.authorization).toBeUndefined();
  });

  it('follows five redirects and refuses the sixth', async () => {
    const saved = await savePage(server.url('/hop/5'));
    expect(saved.web.fetchedFrom).toBe(server.url('/article'));
    const error = await failure('/hop/6');
    expect(error.code).toBe('web-redirects');
    expect(error.message).toContain('more than 5 redirects');
  });

  it('refuses a redirect to a file, and file:, data: and javascript: addresses', async () => {
    const redirected = await failure('/to-file');
    expect(redirected.code).toBe('web-scheme');
    expect(redirected.message).toContain('not file: ones');
    for (const address of [
      'file:///etc/passwd',
      'data:text/html,<p>x</p>',
      'javascript:alert(1)',
      'ftp://x/y',
    ]) {
      const error = await failure(address);
      expect(error.code).toBe('web-scheme');
      expect(error.message).toMatch(/only http and https/);
    }
    expect((await failure('not an address')).message).toContain('not a web address');
  });

  it('reads a Windows-1256 page served without a charset, by detection or by its meta tag', async () => {
    const detected = await savePage(server.url('/cp1256'));
    expect(detected.title).toBe('مقال قديم');
    expect(canonicalText(detected.blocks)).toContain(ARABIC_PARAGRAPH);
    const declared = await savePage(server.url('/cp1256-meta'));
    expect(canonicalText(declared.blocks)).toContain(ARABIC_PARAGRAPH);
  });

  it('reads gzip and brotli pages, and stops a gzip bomb at the size limit', async () => {
    expect((await savePage(server.url('/gzip'))).title).toBe('صفحة مضغوطة');
    expect((await savePage(server.url('/brotli'))).title).toBe('صفحة مضغوطة');
    const error = await failure('/bomb');
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('unpacks to more than the 20 MB limit');
  });

  it('gives up on a slow or silent server at the time limit', async () => {
    for (const path of ['/slow', '/silent']) {
      const error = await failure(path, { timeLimitMs: 1500 });
      expect(error.code).toBe('web-timeout');
      expect(error.message).toContain('took too long');
    }
  });

  it('stops a never-ending body and a declared huge body at the size limit', async () => {
    const endless = await failure('/endless', { maxBytes: 2 * 1024 * 1024 });
    expect(endless.code).toBe('too-large');
    const huge = await failure('/huge');
    expect(huge.code).toBe('too-large');
    expect(huge.message).toContain('larger than the 20 MB limit');
  });

  it('refuses PDFs, images and JSON by what they are', async () => {
    expect((await failure('/pdf')).message).toContain('a PDF document');
    expect((await failure('/png')).message).toContain('an image');
    expect((await failure('/json')).message).toContain('JSON data');
    expect((await failure('/json')).code).toBe('web-not-html');
  });

  it('explains 404 and 500', async () => {
    const missing = await failure('/nothing-here');
    expect(missing.code).toBe('web-status');
    expect(missing.message).toContain('not found on the site (HTTP 404)');
    expect((await failure('/500')).message).toContain('the site had an error (HTTP 500)');
  });

  it('says the site could not be reached when nothing listens', async () => {
    const error = await failure('http://127.0.0.1:9/');
    expect(error.code).toBe('web-offline');
  });

  it('shows a TLS failure rather than ignoring it: a self-signed certificate, a server without TLS', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hamish-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        path.join(folder, 'key.pem'),
        '-out',
        path.join(folder, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const secure = https.createServer(
      { key: readFileSync(path.join(folder, 'key.pem')), cert: readFileSync(path.join(folder, 'cert.pem')) },
      (_request, response) => response.end('<p>should never be read</p>'),
    );
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = secure.address() as AddressInfo;
      const selfSigned = await failure(`https://127.0.0.1:${port}/`);
      expect(selfSigned.code).toBe('web-tls');
      expect(selfSigned.message).toContain('SELF_SIGNED');
      const plain = await failure(server.url('/article').replace('http:', 'https:'));
      expect(plain.code).toBe('web-tls');
    } finally {
      secure.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses the local computer and the local network unless the address asked for is there itself', async () => {
    const error = await failure('/article', { allowPrivate: false });
    expect(error.code).toBe('web-private');
    expect(error.message).toContain('on this computer or the local network');
    const byName = await failure(server.url('/article').replace('127.0.0.1', 'localhost'), {
      allowPrivate: false,
    });
    expect(byName.code).toBe('web-private');
  });

  it('stops when the person cancels', async () => {
    const controller = new AbortController();
    const pending = failure('/silent', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await pending;
    expect(error.code).toBe('web-cancelled');
  });
});
