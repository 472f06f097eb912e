import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The modules of docs/ARCHITECTURE.md ("Layers") form a graph without cycles: each folder under main/ is a
// module, so is shared/, and an import from one to another (a type import counts too) is an edge. A cycle means two modules
// can no longer be read, tested or moved one without the other.
const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'main');
const SHARED = path.join(ROOT, 'shared');
// Static imports, re-exports and dynamic imports of relative paths.
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]*)\1/gm;

function productFiles(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) productFiles(full, into);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) into.push(full);
  }
  return into;
}

/** `main/search/query.ts` → `search`, `shared/contract.ts` → `shared`; anything else → undefined. */
function moduleOf(file: string): string | undefined {
  if (!path.relative(SHARED, file).startsWith('..')) return 'shared';
  const relative = path.relative(MAIN, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [first] = relative.split(path.sep);
  return first;
}

/** Module → the modules it imports, each with one file that does, for the failure message. */
function moduleGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of [...productFiles(MAIN), ...productFiles(SHARED)]) {
    const from = moduleOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = moduleOf(path.resolve(path.dirname(file), match[2] ?? ''));
      if (to && to !== from && !edges.has(to)) edges.set(to, path.relative(ROOT, file));
    }
  }
  return graph;
}

/** The cycles a depth-first search meets (at least one if there is any), each as its modules, the first repeated last. */
function findCycles(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const trail: string[] = [];
  const visit = (node: string) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      cycles.push([...trail.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    trail.push(node);
    for (const next of graph.get(node)?.keys() ?? []) visit(next);
    trail.pop();
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) visit(node);
  return cycles;
}

describe('module graph', () => {
  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['annotations', new Map([['search', 'main/annotations/exact-quote.ts']])],
      ['search', new Map([['annotations', 'main/search/library-index.ts']])],
      ['text', new Map<string, string>()],
    ]);
    expect(findCycles(graph)).toEqual([['annotations', 'search', 'annotations']]);
  });

  it('has no cycle between the modules under main/', () => {
    const graph = moduleGraph();
    expect(graph.size).toBeGreaterThan(8);
    const described = findCycles(graph).map((cycle) =>
      cycle
        .slice(1)
        .map((to, i) => `${cycle[i]} → ${to} (${graph.get(cycle[i] ?? '')?.get(to)})`)
        .join(', '),
    );
    expect(described).toEqual([]);
  });
});
