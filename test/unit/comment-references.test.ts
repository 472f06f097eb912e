import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Comments point into the repository (docs/ARCHITECTURE.md by section), never to a tracker's issue number, a
// design document kept elsewhere, or the computer a figure was once measured on: a reader of the code has
// only the repository.
const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDERS = ['main', 'renderer', 'shared', 'test', 'scripts'];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|css|html)$/;
const SELF = path.join(ROOT, 'test', 'unit', 'comment-references.test.ts');

// Built from parts so that this file does not match itself.
const REFUSED: [string, RegExp][] = [
  ['an issue number', new RegExp('\\b' + 'issue' + '\\s*#?\\d+', 'i')],
  ['"this machine"', new RegExp('this' + ' machine', 'i')],
  ['a design document outside the repository', new RegExp('DESIGN' + '\\.md|STYLE' + '\\.md|/work' + '/')],
];

function sources(dir: string, into: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, into);
    else if (SOURCE.test(entry.name) && full !== SELF) into.push(full);
  }
  return into;
}

/** Every line of `text` that matches `pattern`, as "file:line: text". */
function offending(file: string, text: string, pattern: RegExp): string[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      pattern.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
    );
}

describe('comment references', () => {
  const files = FOLDERS.flatMap((folder) => sources(path.join(ROOT, folder)));

  it('finds the sources to read', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const [what, pattern] of REFUSED) {
    it(`no source names ${what}`, () => {
      const found = files.flatMap((file) => offending(file, readFileSync(file, 'utf8'), pattern));
      expect(found).toEqual([]);
    });
  }
});
