import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/article-model';
import { articlePage, startTestServer, type TestServer } from '../../test/kits/web-server';
import { createService, type Service } from './service';

let server: TestServer;
let dataDir: string;
let service: Service;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hamish-web-'));
  service = await createService({ dataDir, webLimits: { timeLimitMs: 5000 } });
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('saving links through the service', () => {
  it('keeps the page with its picture and address; the same address again is the same article', async () => {
    const saved = await service.saveLink({ url: server.url('/article?utm_source=feed') });
    expect(saved).toMatchObject({ ok: true, title: 'الخط العربي', duplicate: false });
    if (!saved.ok) return;
    const view = await service.openArticle({ id: saved.id });
    expect(view.source?.web).toMatchObject({ url: server.url('/articles/khatt'), author: 'سارة الكاتبة' });
    expect(view.source?.name).toBe(server.url('/articles/khatt'));
    const asset = view.blocks.find((block) => block.image)?.image?.asset ?? '';
    expect(await readdir(path.join(dataDir, 'assets'))).toContain(asset);

    const requests = server.requests.length;
    const again = await service.saveLink({ url: server.url('/article?fbclid=zzz#top') });
    expect(again).toEqual({ ok: true, id: saved.id, title: saved.title, duplicate: true });
    // Known by its address: nothing was fetched a second time.
    expect(server.requests.length).toBe(requests);
    // Reached by a redirect, it is recognised by its canonical address after fetching.
    expect(await service.saveLink({ url: server.url('/hop/2') })).toMatchObject({
      id: saved.id,
      duplicate: true,
    });
    const listed = (await service.listArticles({})).filter((a) => a.title === 'الخط العربي');
    expect(listed).toEqual([expect.objectContaining({ id: saved.id, site: 'مجلة الخط' })]);
  });

  it('carries the address and author into every export', async () => {
    const saved = await service.saveLink({ url: server.url('/article') });
    if (!saved.ok) throw new Error(saved.message);
    const text = canonicalText((await service.openArticle({ id: saved.id })).blocks);
    const start = text.indexOf('الكوفي');
    await service.createHighlight({ articleId: saved.id, start, end: start + 6, color: 'blue' });
    const selection = { articleIds: [saved.id] };
    const csv = (await service.exportNotes('csv', selection)).text;
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Highlight,Title,Author,URL,Note,Location,Date');
    expect(row?.split(',').slice(1, 4)).toEqual([
      'الخط العربي',
      'سارة الكاتبة',
      server.url('/articles/khatt'),
    ]);
    const markdown = (await service.exportNotes('md', selection)).text;
    expect(markdown).toContain(`url: "${server.url('/articles/khatt')}"`);
    expect(markdown).toContain('author: "سارة الكاتبة"');
    expect(markdown).toContain('site: "مجلة الخط"');
    const json = JSON.parse((await service.exportNotes('json', selection)).text) as {
      'hamish:article': { 'hamish:source': { 'hamish:web': { url: string } } }[];
      first: { items: { target: { scope: string } }[] };
    };
    expect(json['hamish:article'][0]?.['hamish:source']['hamish:web'].url).toBe(
      server.url('/articles/khatt'),
    );
    expect(json.first.items[0]?.target.scope).toBe(server.url('/articles/khatt'));
  });

  it('keeps details the person edited, through an update from the web', async () => {
    const saved = await service.saveLink({ url: server.url('/article') });
    if (!saved.ok) throw new Error(saved.message);
    const edited = await service.setWebDetails({ id: saved.id, author: '  هند  الكاتبة ', site: '' });
    expect(edited).toEqual({
      url: server.url('/articles/khatt'),
      fetchedFrom: server.url('/article'),
      author: 'هند الكاتبة',
      published: '2026-03-01T08:00:00Z',
    });
    await service.updateFromWeb({ id: saved.id });
    expect((await service.openArticle({ id: saved.id })).source?.web).toMatchObject({
      author: 'هند الكاتبة',
    });
    await expect(service.setWebDetails({ id: saved.id, url: 'file:///etc/passwd' })).rejects.toThrow(
      /only http and https/,
    );
  });

  it('reports a refused address as an outcome naming it, and adds nothing', async () => {
    const before = (await service.listArticles({})).length;
    const outcome = await service.saveLink({ url: server.url('/pdf') });
    expect(outcome).toMatchObject({
      ok: false,
      code: 'web-not-html',
      queued: false,
      file: server.url('/pdf'),
    });
    expect((await service.listArticles({})).length).toBe(before);
  });

  it('updates an article from the web and re-anchors its highlights as an update from a file does', async () => {
    server.route('/changing', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(articlePage('مقال يتغير', 3));
    });
    const saved = await service.saveLink({ url: server.url('/changing') });
    if (!saved.ok) throw new Error(saved.message);
    const text = canonicalText((await service.openArticle({ id: saved.id })).blocks);
    const start = text.indexOf('تاريخ الخط العربي');
    const highlight = await service.createHighlight({
      articleId: saved.id,
      start,
      end: start + 'تاريخ الخط العربي'.length,
      color: 'yellow',
    });
    server.route('/changing', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(articlePage('مقال يتغير', 3).replace('<h1>', '<p>فقرة جديدة في أول المقال.</p><h1>'));
    });
    const reports = await service.updateFromWeb({ id: saved.id });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ id: highlight.id, status: 'moved' });
    const updated = canonicalText((await service.openArticle({ id: saved.id })).blocks);
    expect(updated.slice(reports[0]?.start, reports[0]?.end)).toBe('تاريخ الخط العربي');
  });

  it('keeps every save that fails at the same time in the queue', async () => {
    // One port that refuses connections, four addresses on it.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const urls = [0, 1, 2, 3].map((i) => `http://127.0.0.1:${port}/together-${i}`);
    const outcomes = await Promise.all(urls.map((url) => service.saveLink({ url })));
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({ ok: false, code: 'web-offline', queued: true });
    expect((await service.listPendingSaves({})).map((saved) => saved.url).sort()).toEqual([...urls].sort());
  });

  it('queues a save that failed because the site could not be reached, and retries it when asked', async () => {
    // A port that refuses connections now, and serves the page later.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${port}/later`;

    const failed = await service.saveLink({ url });
    expect(failed).toMatchObject({ ok: false, code: 'web-offline', queued: true });
    expect(await service.listPendingSaves({})).toEqual([
      expect.objectContaining({ url, reason: expect.stringContaining('could not be reached') }),
    ]);

    const later = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(articlePage('وصل أخيرا', 2));
    });
    await new Promise<void>((resolve) => later.listen(port, '127.0.0.1', resolve));
    try {
      const retried = await service.retryPendingSaves({});
      expect(retried).toEqual([expect.objectContaining({ ok: true, title: 'وصل أخيرا' })]);
      expect(await service.listPendingSaves({})).toEqual([]);
    } finally {
      later.closeAllConnections();
      await new Promise((resolve) => later.close(resolve));
    }
  });

  it('cancels a running save', async () => {
    const pending = service.saveLink({ url: server.url('/silent') });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await service.cancelSave({})).toEqual({ cancelled: 1 });
    expect(await pending).toMatchObject({ ok: false, code: 'web-cancelled', queued: false });
  });
});
