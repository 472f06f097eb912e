import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/app/csp';

/**
 * The built page also carries the CSP in a meta tag (defence in depth: it holds even if the page were ever
 * loaded without the app:// handler's header). Not in development, where Vite injects an inline script.
 * frame-ancestors is left out because browsers ignore it in a meta tag.
 */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'hamish-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="utf-8" />',
        `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      ),
  };
}

/**
 * The entry (main.tsx) is small and loads React and the views (start-app.tsx) with a dynamic import, so
 * that it can ask main for the first screen's data first. Preloading that chunk from the page lets it
 * download along with the entry instead of after it.
 */
function preloadStartApp(): Plugin {
  return {
    name: 'hamish-preload-start-app',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml(html, context) {
      const chunks = Object.values(context.bundle ?? {}).flatMap((output) =>
        output.type === 'chunk' ? [output] : [],
      );
      const start = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/renderer/src/start-app.tsx'));
      if (!start) throw new Error('electron.vite.config.ts: no chunk for renderer/src/start-app.tsx');
      const entry = context.chunk?.fileName;
      const files = [start.fileName, ...start.imports].filter((file) => file !== entry);
      return files.map((file) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
        injectTo: 'head' as const,
      }));
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
    plugins: [react(), cspMeta(), preloadStartApp()],
    base: './',
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
