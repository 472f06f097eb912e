import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'out', 'dist', 'coverage', 'test-results', '.git']);
// Static and dynamic imports and require calls of bare names (not relative paths).
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^\s*import\s+)['"]([^'"./][^'"]*)['"]/gm;

function sourceFiles(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, into);
    else if (/\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name)) into.push(full);
  }
  return into;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

describe('package.json', () => {
  it('declares every package the code and the tests import (a fresh `npm ci` has them all)', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
    ]);
    const undeclared: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const name = packageOf(specifier);
        if (specifier.startsWith('node:') || builtinModules.includes(name)) continue;
        // A types-only package ('mdast') is declared as its @types package.
        if (declared.has(name) || declared.has(`@types/${name}`)) continue;
        undeclared.push(`${path.relative(ROOT, file)}: ${name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('keeps minisearch, used only by the bench, out of what the app ships', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(manifest.dependencies).not.toHaveProperty('minisearch');
    expect(manifest.devDependencies).toHaveProperty('minisearch');
  });
});
