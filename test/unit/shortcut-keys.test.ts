import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every key the page answers is a registered shortcut (renderer/src/shortcuts/shortcut-list.ts), which is
// what the `?` overlay lists: a page-wide key listener must dispatch through the registry's bindShortcuts.
const RENDERER = path.resolve(import.meta.dirname, '../../renderer/src');
const LISTENER = /\b(document|window)\.addEventListener\(\s*'keydown'/;

/** Page-wide key listeners that add no shortcut to the overlay's, each with its reason. */
const OWN_KEYS: Record<string, string> = {
  'review/ReviewPage.tsx': "the review's answer keys, drawn on the review card itself and only live there",
  'reader/FigureView.tsx':
    'the enlarged picture owns Esc (a listed key) while open, before the reader sees it',
  'reader/NoteRef.tsx':
    "an open footnote owns Esc (a listed key), before the reader's Esc clears the selection",
  'reader/use-reading-caret.ts': 'notes that the keyboard is in use, to draw the caret; it answers no key',
};

function sources(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, into);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) into.push(full);
  }
  return into;
}

describe('keys go through the shortcut registry', () => {
  it('has no page-wide key listener that bypasses the registry', () => {
    const bypassing = sources(RENDERER)
      .map((file) => path.relative(RENDERER, file).split(path.sep).join('/'))
      .filter((file) => !(file in OWN_KEYS))
      .filter((file) => {
        const text = readFileSync(path.join(RENDERER, file), 'utf8');
        return LISTENER.test(text) && !/\bbindShortcuts\(/.test(text);
      });
    expect(bypassing).toEqual([]);
  });

  it('still finds the listeners it allows (the list is not stale)', () => {
    for (const file of Object.keys(OWN_KEYS))
      expect(LISTENER.test(readFileSync(path.join(RENDERER, file), 'utf8')), file).toBe(true);
  });
});
