import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { build as bundle } from 'rolldown';
import type { Plugin } from 'vite';
import { metaPolicy } from './main/app/csp';
import { EARLY_SCRIPT, FACE_FILES, FACES_META } from './shared/early-script';
import { entryTag, START_APP_META } from './renderer/src/start-app-meta';
import { LIBRARY_SCREEN_KEYS, pickMessages } from './renderer/src/first-screen/library-messages';

/**
 * The built page also carries the CSP in a meta tag (defence in depth: it holds even if the page were ever
 * loaded without the app:// handler's header), made from the finished page, its inline code included
 * (main/app/csp.ts), so it runs after the plugins that write that code. Not in development, where Vite
 * injects an inline script. frame-ancestors is left out because browsers ignore it in a meta tag.
 */
function cspMeta(): Plugin {
  return {
    name: 'hamish-csp-meta',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="utf-8" />',
        `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy(html)}" />`,
      ),
  };
}

/** The entry's stylesheet, as Vite links it in the built page. */
const ENTRY_STYLESHEET = /<link rel="stylesheet" crossorigin href="\.\/(assets\/index-[\w-]+\.css)">/;
/** The entry's script, as Vite writes it in the built page. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="(\.\/assets\/index-[\w-]+\.js)"><\/script>/;

/**
 * The first screen (an article's, the library's), drawn by the page itself
 * (renderer/src/first-screen/in-page.ts): that file is bundled as a classic script and written into the
 * page's head with the entry's stylesheet, in place of the stylesheet's link, so that the screen is drawn
 * as soon as main's answers are in, without waiting for the stylesheet and the entry to arrive. The CSP
 * allows both by the hashes of their texts (cspMeta, and main/app/csp.ts for the header).
 *
 * In that script first-screen.ts calls through first-screen/page-calls.ts rather than api.ts, whose own
 * copy there would take the page's first calls away from the entry's. The interface's messages are cut
 * down to those the library's first screen draws (first-screen/library-messages.ts). Its graph's
 * stylesheets are in the entry's, written above it.
 *
 * The entry itself is named in a meta tag (`entryTag`) in place of its script tag, and that script runs
 * it once the first screen is painted (on a page with none to draw, once the page is parsed): fetched,
 * compiled and run while the first screen was waited for and drawn, it took the page's two cores from that
 * screen. See docs/ARCHITECTURE.md, "Opening fast".
 */
function inlineFirstScreen(): Plugin {
  const firstScreen = resolve('renderer/src/first-screen/first-screen.ts');
  const messageFiles = ['ar', 'en'].map((language) => resolve(`shared/i18n/${language}.json`));
  const noStyles = '\0hamish-no-styles';
  const script = async () => {
    const cut = new Set<string>();
    const built = await bundle({
      input: resolve('renderer/src/first-screen/in-page.ts'),
      write: false,
      platform: 'browser',
      plugins: [
        {
          name: 'hamish-in-page',
          resolveId: (source, importer) => {
            if (source.endsWith('.css')) return noStyles;
            if (importer === firstScreen && source === '../api')
              return resolve('renderer/src/first-screen/page-calls.ts');
            return null;
          },
          load: (id) => {
            if (id === noStyles) return '';
            if (!messageFiles.includes(id)) return null;
            cut.add(id);
            const messages = JSON.parse(readFileSync(id, 'utf8')) as Record<string, string>;
            return JSON.stringify(pickMessages(messages, LIBRARY_SCREEN_KEYS));
          },
        },
      ],
      output: { format: 'iife', minify: true, codeSplitting: false },
    });
    const [chunk, ...others] = built.output;
    if (!chunk || others.length > 0)
      throw new Error('electron.vite.config.ts: in-page.ts must build to one script');
    if (!chunk.moduleIds.some((id) => id.endsWith('/first-screen/page-calls.ts')))
      throw new Error("electron.vite.config.ts: in-page.ts's first screen must call through page-calls.ts");
    if (cut.size !== messageFiles.length)
      throw new Error("electron.vite.config.ts: in-page.ts's messages must be cut to the library's");
    return chunk.code.trim();
  };
  return {
    name: 'hamish-inline-first-screen',
    apply: 'build',
    enforce: 'post',
    async transformIndexHtml(html, context) {
      const link = ENTRY_STYLESHEET.exec(html);
      const sheet = link?.[1] ? context.bundle?.[link[1]] : undefined;
      if (!link || sheet?.type !== 'asset')
        throw new Error('electron.vite.config.ts: no entry stylesheet in the page');
      const entry = ENTRY_SCRIPT.exec(html);
      if (!entry?.[1]) throw new Error('electron.vite.config.ts: no entry script in the page');
      // Its addresses are relative to its own folder; written into the page, to the page's.
      const folder = posix.dirname(sheet.fileName);
      const css = String(sheet.source).replace(/url\((['"]?)\.\//g, `url($1./${folder}/`);
      const code = await script();
      if (/<\/style/i.test(css) || /<\/script/i.test(code))
        throw new Error('electron.vite.config.ts: inline code would end its element early');
      // The link stays, disabled (a disabled stylesheet is not fetched): the chunks' preloads look for it
      // before loading the stylesheet they were built with, and would otherwise load it a second time.
      const disabled = link[0].replace('<link ', '<link disabled ');
      return html
        .replace(entry[0], () => entryTag(entry[1] ?? ''))
        .replace(link[0], () => `${disabled}\n    <style>${css}</style>\n    <script>${code}</script>`);
    },
  };
}

/**
 * The page's first script (shared/early-script.ts), inlined right after the charset and the CSP: it asks
 * main for the first screen while the head is still being parsed, where the entry would ask only once the
 * stylesheet and the entry had arrived. The CSP allows it by the hash of this exact text. Runs before
 * cspMeta, which then puts the policy above it.
 */
function inlineEarlyScript(): Plugin {
  return {
    name: 'hamish-early-script',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="utf-8" />',
        `<meta charset="utf-8" />\n    <script>${EARLY_SCRIPT}</script>`,
      ),
  };
}

/**
 * Names built files in the page's head, for the scripts that fetch them before anything imports them:
 * - The entry (main.tsx) is small and loads React and the views (start-app.tsx) with a dynamic import, so
 *   that it can ask main for the first screen's data first. A meta tag names that chunk and its imports,
 *   and early-calls.ts preloads them (`modulepreload`) right after it has sent those requests: the chunk
 *   downloads while the answers travel, but never ahead of them (a page served over HTTP, as in the
 *   bench, has six connections to share).
 * - The faces' files (hashed by the build) that the page's first script preloads, in a meta tag just
 *   above that script, in the order of FACE_FILES: the script picks those the page it opens on draws
 *   first (shared/early-script.ts).
 * See docs/ARCHITECTURE.md, "Opening fast".
 */
function nameBuiltFiles(): Plugin {
  return {
    name: 'hamish-name-built-files',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml(html, context) {
      const outputs = Object.values(context.bundle ?? {});
      const start = outputs.find(
        (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/renderer/src/start-app.tsx'),
      );
      if (start?.type !== 'chunk')
        throw new Error('electron.vite.config.ts: no chunk for renderer/src/start-app.tsx');
      const entry = context.chunk?.fileName;
      const startFiles = [start.fileName, ...start.imports].filter((file) => file !== entry);

      const faceFiles = FACE_FILES.map((face) => {
        const asset = outputs.find((output) => output.type === 'asset' && output.names.includes(face));
        if (!asset) throw new Error(`electron.vite.config.ts: no built file for the face ${face}`);
        return asset.fileName;
      });
      const script = `<script>${EARLY_SCRIPT}</script>`;
      if (!html.includes(script)) throw new Error('electron.vite.config.ts: no first script in the page');
      const faces = `<meta name="${FACES_META}" content="${faceFiles.map((file) => `./${file}`).join(' ')}" />`;

      return {
        html: html.replace(script, `${faces}\n    ${script}`),
        tags: [
          {
            tag: 'meta',
            attrs: { name: START_APP_META, content: startFiles.map((file) => `./${file}`).join(' ') },
            injectTo: 'head' as const,
          },
        ],
      };
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve('main/app/main.ts'),
          cli: resolve('main/cli/main.ts'),
          // Imports run in a worker thread, which loads this file (see main/api/import-thread.ts).
          'import-worker': resolve('main/api/import-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('main/app/preload.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), inlineEarlyScript(), nameBuiltFiles(), inlineFirstScreen(), cspMeta()],
    base: './',
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
