import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveStaticFile } from './static-files';

const root = path.resolve('/srv/hamish/out/renderer');

describe('resolveStaticFile', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', path.join('assets', 'index-abc.js')],
    ['/assets/%D9%87.woff2', path.join('assets', 'ه.woff2')],
    ['//assets//x.css', path.join('assets', 'x.css')],
    ['/assets/../index.html', 'index.html'], // still inside
  ])('maps %s inside the folder', (request, file) => {
    expect(resolveStaticFile(root, request)).toBe(path.join(root, file));
  });

  it.each([
    '/../main/main.js',
    '/..%2fmain%2fmain.js',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    '/..%5cmain.js',
    '/assets\\..\\..\\main.js',
    '/index.html%00.png',
    '/%00',
    '/%E0%A4%A',
    '/%',
    '/..',
    '/../renderer-secrets/x',
  ])('refuses %s', (request) => {
    expect(resolveStaticFile(root, request)).toBeNull();
  });

  it('takes a Windows drive path as a name inside the folder on POSIX, never as the drive', () => {
    const resolved = resolveStaticFile(root, '/C:/Windows/win.ini');
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
  });
});

describe('mimeType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['noextension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });
});
