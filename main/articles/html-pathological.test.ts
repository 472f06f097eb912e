import { describe, expect, it } from 'vitest';
import { parseHtml } from './html-import';
import { ImportError } from './import-error';

/**
 * Pages built to be slow to read: each must be refused with a reason or read quickly; vitest's default
 * timeout is what fails a slow parse (before these checks each took from half a minute to many minutes).
 */

function refusal(html: string, name: string): ImportError {
  try {
    parseHtml(html, name);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`${name} was imported`);
}

describe('parseHtml on pathological pages', () => {
  it('refuses a page of a million tiny paragraphs, naming the file', () => {
    const error = refusal(`<title>ت</title>${'<p>ب</p>'.repeat(1_000_000)}`, 'paragraphs.html');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^paragraphs\.html: .*more than 200,000 elements/);
  });

  it('reads a page of 25,000 paragraphs as its text, without Readability', () => {
    const { blocks } = parseHtml(`<title>عنوان</title>${'<p>فقرة</p>'.repeat(25_000)}`, 'many.html');
    expect(blocks).toHaveLength(25_001);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'عنوان' });
  });

  it('refuses a tag with 100,000 different attributes', () => {
    const attributes = Array.from({ length: 100_000 }, (_, index) => `a${index}`).join(' ');
    const error = refusal(`<title>ت</title><p ${attributes}>نص</p>`, 'attributes.html');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^attributes\.html: .*more than 1,000 attributes/);
  });
});
