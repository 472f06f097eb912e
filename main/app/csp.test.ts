import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EARLY_SCRIPT, FACE_FILES, FACES_META } from '../../shared/early-script';
import { contentSecurityPolicy, inlineTexts, metaPolicy, rendererPolicy } from './csp';
import { namedEntry } from '../../renderer/src/start-app-meta';

const BUILT_PAGE = path.join(__dirname, '..', '..', 'out', 'renderer', 'index.html');

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the Content-Security-Policy', () => {
  const page = (head: string) =>
    `<!doctype html><html><head>${head}</head><body><div id="root"></div></body></html>`;

  it("allows scripts and styles from the app, and the page's inline ones by their hashes, nothing inline else", () => {
    const policy = contentSecurityPolicy(
      page(`<script>${EARLY_SCRIPT}</script><style>p{color:red}</style><script>draw()</script>`),
    );
    expect(directive(policy, 'script-src')).toEqual(["'self'", sha(EARLY_SCRIPT), sha('draw()')]);
    expect(directive(policy, 'style-src')).toEqual(["'self'", sha('p{color:red}')]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic|nonce-/);
    expect(directive(policy, 'default-src')).toEqual(["'none'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(metaPolicy(page('')), 'frame-ancestors')).toBeUndefined();
  });

  it('lists no script given by address, and nothing for a page without inline code', () => {
    const html = page(
      '<script type="module" crossorigin src="./assets/index.js"></script><link rel="stylesheet" href="a.css">',
    );
    expect(inlineTexts(html)).toEqual({ scripts: [], styles: [] });
    expect(directive(contentSecurityPolicy(html), 'script-src')).toEqual(["'self'"]);
    expect(directive(contentSecurityPolicy(html), 'style-src')).toEqual(["'self'"]);
  });

  it('hashes the exact text, spaces and line ends included', () => {
    const text = '\n  const a = 1;\r\n';
    expect(inlineTexts(page(`<script>${text}</script>`)).scripts).toEqual([text]);
    expect(directive(contentSecurityPolicy(page(`<script>${text}</script>`)), 'script-src')?.[1]).toBe(
      sha(text),
    );
  });

  it('allows no inline code when the built page cannot be read', () => {
    const policy = rendererPolicy(path.join(__dirname, 'no-such-folder'));
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
  });

  const built = existsSync(BUILT_PAGE);
  it.skipIf(!built)(
    `is in the built page above its inline code: the first script, then the stylesheet and the first screen's script${
      built ? '' : ' (skipped: out/renderer is not built; npm test builds it first)'
    }`,
    async () => {
      const html = await readFile(BUILT_PAGE, 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(html);
      expect(meta?.[1]).toBe(metaPolicy(html));
      expect(rendererPolicy(path.dirname(BUILT_PAGE))).toBe(contentSecurityPolicy(html));
      const { scripts, styles } = inlineTexts(html);
      expect(scripts).toHaveLength(2);
      expect(scripts[0]).toBe(EARLY_SCRIPT);
      expect(styles).toHaveLength(1);
      const at = (text: string) => html.indexOf(text);
      expect(at(`<script>${EARLY_SCRIPT}`)).toBeGreaterThan(meta?.index ?? Infinity);
      // The entry is named, not loaded: the first screen's script runs it (first-screen/in-page.ts). The
      // stylesheet before the script that draws with it.
      expect(html).not.toContain('<script type="module"');
      const entry = namedEntry(html);
      expect(entry).toMatch(/^\.\/assets\/index-[\w-]+\.js$/);
      expect(existsSync(path.join(path.dirname(BUILT_PAGE), entry ?? 'none'))).toBe(true);
      expect(at(`<script>${EARLY_SCRIPT}`)).toBeLessThan(at('<style>'));
      expect(at('<style>')).toBeLessThan(at(`<script>${scripts[1] ?? ''}`));
      // The stylesheet's own link is left disabled (not fetched), for the chunks' preloads to find.
      expect(html).toMatch(
        /<link disabled rel="stylesheet" crossorigin href="\.\/assets\/index-[\w-]+\.css">/,
      );
      expect(html).not.toMatch(/<link rel="stylesheet"/);
      // The faces the stylesheet names are addressed from the page's folder, and are in the build.
      const faces = [...(styles[0] ?? '').matchAll(/url\(([^)]+)\)/g)].map((match) => match[1] ?? '');
      expect(faces.length).toBeGreaterThan(0);
      for (const face of faces) {
        expect(face).toMatch(/^\.\/assets\//);
        expect(existsSync(path.join(path.dirname(BUILT_PAGE), face))).toBe(true);
      }
    },
  );

  it.skipIf(!built)(
    `names, above that script, the faces it preloads, each a file of the build${
      built ? '' : ' (skipped: out/renderer is not built; npm test builds it first)'
    }`,
    async () => {
      const html = await readFile(BUILT_PAGE, 'utf8');
      const named = new RegExp(`<meta name="${FACES_META}" content="([^"]+)" />`).exec(html);
      const files = named?.[1]?.split(' ') ?? [];
      expect(files).toHaveLength(FACE_FILES.length);
      files.forEach((file, index) => {
        const face = FACE_FILES[index]?.replace(/\.woff2$/, '') ?? '';
        expect(file).toMatch(new RegExp(`^\\./assets/${face}-[\\w-]+\\.woff2$`));
        expect(existsSync(path.join(path.dirname(BUILT_PAGE), file))).toBe(true);
      });
      expect(named?.index ?? Infinity).toBeLessThan(html.indexOf(`<script>${EARLY_SCRIPT}`));
    },
  );
});
