import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { parseMarkdown } from './markdown-import';

/**
 * Inputs that made the previous parser's time explode (minutes for a few hundred kilobytes). Each must
 * now be refused with a reason or read quickly; vitest's default timeout is what fails a slow parse.
 */

/** A list whose every line nests one level deeper, by indentation only (one marker per line). */
function listNestedByIndentation(levels: number): string {
  const lines: string[] = ['# قائمة'];
  for (let level = 0; level < levels; level += 1) lines.push(`${'  '.repeat(level)}- بند`);
  return lines.join('\n');
}

describe('parseMarkdown on pathological input', () => {
  it('refuses a list nested 1,000 levels deep by indentation, naming the file', () => {
    const deep = listNestedByIndentation(1000);
    expect(() => parseMarkdown(deep, 'nested.md')).toThrow(ImportError);
    expect(() => parseMarkdown(deep, 'nested.md')).toThrow(/nested\.md: .*levels deep/);
  });

  it('reads a list nested 20 levels deep by indentation', () => {
    const { blocks } = parseMarkdown(listNestedByIndentation(20));
    expect(blocks).toHaveLength(21);
    expect(blocks.at(-1)).toEqual({ kind: 'listItem', text: 'بند' });
  });

  it('reads 100,000 "[" then 100,000 "]" as text', () => {
    const brackets = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const { blocks } = parseMarkdown(`# أقواس\n\n${brackets}`);
    expect(blocks[1]?.text).toBe(brackets);
  });

  it('reads 200,000 unfinished links "[a](" as text', () => {
    const links = '[a]('.repeat(200_000);
    const { blocks } = parseMarkdown(`# روابط\n\n${links}`);
    expect(blocks[1]?.text).toBe(links);
  });

  it('reads a 1 MB paragraph of lines with a stray "&" each', () => {
    const lines = 'a&b\n'.repeat(250_000);
    const { blocks } = parseMarkdown(`# سطور\n\n${lines}`);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]?.text.length).toBeGreaterThan(500_000);
  });

  it('reads many separate lists nested 10 levels deep (1 MB)', () => {
    const list = listNestedByIndentation(10).split('\n').slice(1).join('\n');
    const text = `# قوائم\n\n${Array.from({ length: 8000 }, () => list).join('\n\nفاصل\n\n')}`;
    const { blocks } = parseMarkdown(text);
    expect(blocks.filter((block) => block.kind === 'listItem')).toHaveLength(80_000);
  });
});
