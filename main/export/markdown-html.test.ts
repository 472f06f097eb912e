import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown';
import { escapeLooseAngles, MAX_PARSED_NOTE } from './markdown-contain';
import { hostileArticle, seedInput } from '../../test/kits/export-fixture';
import type { ExportArticle, ExportInput } from './types';

type Root = ReturnType<typeof fromMarkdown>;
/** Any node of the tree. */
type Nodes = Root | Root['children'][number];

/** Every node of a Markdown tree whose type is `type`. */
function nodesOf(tree: Nodes, type: string): Nodes[] {
  const found: Nodes[] = tree.type === type ? [tree] : [];
  if ('children' in tree) for (const child of tree.children) found.push(...nodesOf(child, type));
  return found;
}

/** What a CommonMark viewer shows as text (raw HTML is not text), bidi isolates dropped. */
function shownText(tree: Nodes): string {
  if (tree.type === 'html') return '';
  if ('value' in tree) return tree.value.replace(/[\u2068\u2069]/g, '');
  return 'children' in tree ? tree.children.map(shownText).join('\n') : '';
}

/** The seed export with `note` on its first highlight and on the article, followed by a second article. */
function exportWithNote(note: string): { input: ExportInput; markdown: string } {
  const base = seedInput();
  const [seed] = base.articles;
  if (seed === undefined) throw new Error('fixture error');
  const [first, ...rest] = seed.highlights;
  if (first === undefined) throw new Error('fixture error');
  const noted: ExportArticle = {
    meta: { ...seed.meta, note },
    highlights: [{ ...first, note }, ...rest],
  };
  const input = { ...base, articles: [noted, hostileArticle()] };
  return { input, markdown: toMarkdown(input) };
}

// One note per CommonMark HTML block start condition (spec 0.31, §4.6), then raw inline HTML.
const HOSTILE_NOTES: [string, string][] = [
  ['1 <script>', '<script>\nlet x = 1;'],
  ['1 <pre>', '<pre>\nنص'],
  ['1 <style>', '<style>\nbody { color: red }'],
  ['1 <textarea>', '<textarea>\nكلام'],
  ['2 <!--', '<!-- تعليق لم يغلق'],
  ['3 <?', '<?php echo 1;'],
  ['4 <!X', '<!DOCTYPE html>'],
  ['5 <![CDATA[', '<![CDATA[ data'],
  ['6 <div>', '<div>\nسطر\n\nبعد'],
  ['6 </table> after text', 'نص أول\n</table>\nسطر'],
  ['7 a lone tag', '<span class="x">\nسطر'],
  ['inline HTML', 'ملاحظة <img src=x onerror="alert(1)"> و<b>عريض</b> و<!-- مخفي -->'],
  ['indented', '   <script>\nلا'],
  ['in a block quote', '> <script>\n> شيء'],
  ['in a list', '- <!--\n- بند'],
  ['a fence a list item closes, then HTML', '- بند\n\n  ```\nكود\n```\n<script>'],
  ['a fence “closed” by a line with text after it', '```\n``` <x>\n<!--'],
  ['a note too long to parse', `<script>\n${'ن'.repeat(MAX_PARSED_NOTE)}`],
];

describe('Markdown export: a note cannot open raw HTML', () => {
  it.each(HOSTILE_NOTES)('%s: no HTML in the tree, every highlight and article still text', (_name, note) => {
    const { input, markdown } = exportWithNote(note);
    const tree = fromMarkdown(markdown);
    const html = nodesOf(tree, 'html');
    const text = shownText(tree);
    expect(html).toEqual([]);
    for (const article of input.articles) {
      expect(text).toContain(article.meta.title.trim());
      for (const highlight of article.highlights) {
        for (const line of highlight.target.exact.split('\n').filter((l) => l.trim() !== '')) {
          expect(text).toContain(line.trim());
        }
      }
    }
  });

  it('shows the note’s own characters, `<` included', () => {
    const { markdown } = exportWithNote('<!-- تعليق --> و<b>كلمة</b>');
    expect(shownText(fromMarkdown(markdown))).toContain('<!-- تعليق --> و<b>كلمة</b>');
  });

  it('keeps the note’s Markdown, autolinks and code as they were', () => {
    const note = '**مهم** <https://example.com/a?b=1>\n\n`<b>` في السطر\n\n```\n<script>\n```';
    const { markdown } = exportWithNote(note);
    expect(markdown).toContain('**مهم** <https://example.com/a?b=1>');
    expect(markdown).toContain('`<b>` في السطر');
    expect(markdown).toContain('```\n<script>\n```');
    const tree = fromMarkdown(markdown);
    expect(nodesOf(tree, 'link').some((link) => shownText(link) === 'https://example.com/a?b=1')).toBe(true);
  });
});

describe('the cheap first pass over a note line', () => {
  it.each([
    ['a <b> c', 'a \\<b> c'],
    ['`<b>` x <i>', '`<b>` x \\<i>'],
    ['``a`<b>`` <i>', '``a`<b>`` \\<i>'],
    ['`unclosed <b>', '`unclosed \\<b>'],
    ['<https://example.com/a?b=1> و<me@example.com>', '<https://example.com/a?b=1> و<me@example.com>'],
    ['\\<b> already', '\\<b> already'],
    ['<script:alert(1)> <!-- x -->', '<script:alert(1)> \\<!-- x -->'],
  ])('%j → %j', (line, expected) => {
    expect(escapeLooseAngles(line)).toBe(expected);
  });
});
