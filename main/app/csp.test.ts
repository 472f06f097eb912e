import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EARLY_SCRIPT, FACE_FILES, FACES_META } from '../../shared/early-script';
import { CONTENT_SECURITY_POLICY } from './csp';

const BUILT_PAGE = path.join(__dirname, '..', '..', 'out', 'renderer', 'index.html');

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('the Content-Security-Policy', () => {
  it("allows scripts from the app and the page's first script by its hash, nothing inline else", () => {
    const hash = createHash('sha256').update(EARLY_SCRIPT, 'utf8').digest('base64');
    expect(directive(CONTENT_SECURITY_POLICY, 'script-src')).toEqual(["'self'", `'sha256-${hash}'`]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic|nonce-/);
    expect(directive(CONTENT_SECURITY_POLICY, 'default-src')).toEqual(["'none'"]);
  });

  const built = existsSync(BUILT_PAGE);
  it.skipIf(!built)(
    `is in the built page above its only inline script, which is the hashed text exactly${
      built ? '' : ' (skipped: out/renderer is not built; npm test builds it first)'
    }`,
    async () => {
      const html = await readFile(BUILT_PAGE, 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(html);
      expect(directive(meta?.[1] ?? '', 'script-src')).toEqual(
        directive(CONTENT_SECURITY_POLICY, 'script-src'),
      );
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
      expect(inline).toEqual([EARLY_SCRIPT]);
      expect(html.indexOf(`<script>${EARLY_SCRIPT}`)).toBeGreaterThan(meta?.index ?? Infinity);
      // Before the stylesheet and the entry, whose arrival it does not wait for.
      expect(html.indexOf(`<script>${EARLY_SCRIPT}`)).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
      expect(html.indexOf(`<script>${EARLY_SCRIPT}`)).toBeLessThan(html.indexOf('<script type="module"'));
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
