import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The children import no HTML, yet loading jsdom (for the HTML importer) would take 0.7 s of each start: in
 * their bundles it is replaced by a stand-in that refuses to be used.
 */
const withoutJsdom: Plugin = {
  name: 'without-jsdom',
  setup(builder) {
    builder.onResolve({ filter: /^jsdom$/ }, () => ({ path: 'jsdom', namespace: 'stand-in' }));
    builder.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({
      contents: `const refuse = () => { throw new Error('jsdom is not loaded in a test child'); };
        export class JSDOM { constructor() { refuse(); } }
        export class VirtualConsole { constructor() { refuse(); } }`,
      loader: 'js',
    }));
  },
};

/**
 * Bundles the child script `entry` into folder `work` once, so that each of the hundreds of starts costs a
 * node start, not a TypeScript compile; beside it the import worker, found there as in the built app
 * (`import-worker.js` next to the code that starts it). Packages stay outside the bundles (jsdom cannot be
 * bundled); a node_modules link lets them be found. Resolves to the child's path.
 */
export async function bundleChild(work: string, entry: string): Promise<string> {
  await symlink(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  await writeFile(path.join(work, 'package.json'), JSON.stringify({ type: 'module' }));
  await build({
    entryPoints: {
      [path.basename(entry, '.ts')]: entry,
      'import-worker': path.join(ROOT, 'main', 'api', 'import-worker.ts'),
    },
    outdir: work,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    plugins: [withoutJsdom],
  });
  return path.join(work, `${path.basename(entry, '.ts')}.js`);
}
