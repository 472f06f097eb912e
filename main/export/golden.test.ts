import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCsv, toHtml, toMarkdown, toWebAnnotationJson, type ExportInput } from './index';
import { seedInput } from '../../test/kits/export-fixture';

// Each format's output for the seed article is kept in __golden__/; a change to a formatter shows up
// as a diff to review. `UPDATE_GOLDEN=1 npx vitest run main/export` rewrites the files. Prettier must
// leave them byte for byte: __golden__/.prettierrc.json makes it skip files without a @format pragma and
// print JSON as JSON.stringify does.
const GOLDEN = new URL('./__golden__/', import.meta.url);
const FORMATS: [string, (input: ExportInput) => string][] = [
  ['md', toMarkdown],
  ['json', toWebAnnotationJson],
  ['csv', toCsv],
  ['html', toHtml],
];

describe('golden files', () => {
  it.each(FORMATS)('writes the seed article as __golden__/seed.%s', (ext, format) => {
    const file = new URL(`seed.${ext}`, GOLDEN);
    const output = format(seedInput());
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, output);
    }
    if (!existsSync(file)) throw new Error(`no golden file ${file.pathname}: run with UPDATE_GOLDEN=1`);
    expect(output).toBe(readFileSync(file, 'utf8'));
  });

  it.each(FORMATS)('gives the same %s bytes whatever order the highlights come in', (_ext, format) => {
    const input = seedInput();
    const [article] = input.articles;
    if (article === undefined) throw new Error('fixture error');
    const reversed = { ...input, articles: [{ ...article, highlights: [...article.highlights].reverse() }] };
    expect(format(reversed)).toBe(format(input));
  });
});
