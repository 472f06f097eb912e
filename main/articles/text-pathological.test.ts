import { describe, expect, it } from 'vitest';
import { normalizeSourceText, parsePlainText } from '.';

/**
 * Plain text built to be slow to read: each case must be read quickly; vitest's default timeout is what
 * fails a slow parse (a pattern rescanning a long run of one character took minutes before).
 */
describe('parsePlainText on pathological text', () => {
  it('keeps a last line of a million "!" ending in a letter (not share-button debris)', () => {
    const last = `${'!'.repeat(1_000_000)}ب`;
    const { blocks } = parsePlainText(normalizeSourceText(`عنوان\nفقرة أولى.\n${last}`));
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: last });
  });

  it('reads a million tiny paragraphs', () => {
    const { blocks } = parsePlainText(normalizeSourceText(`عنوان\n${'ب\n\n'.repeat(1_000_000)}`));
    expect(blocks).toHaveLength(1_000_001);
  });

  it('reads a 10 MB line as one paragraph', () => {
    const line = 'كلمة '.repeat(2_000_000).trim();
    const { blocks } = parsePlainText(normalizeSourceText(`عنوان\n${line}`));
    expect(blocks[1]?.text).toBe(line);
  });
});
