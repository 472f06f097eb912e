import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalText, importBytesInThisThread, importPlainText } from './index';

const seed = readFileSync(new URL('../../data/article-ar.txt', import.meta.url), 'utf8');

describe('importPlainText', () => {
  it('imports the seed article as Arabic, right to left, with no block marked otherwise', () => {
    const article = importPlainText(seed, 'article-ar.txt');
    expect(article.title).toBe('الأفريكوم: الحرب على طرابلس قد تتيح الفرصة لعودة الإرهابيين إلى ليبيا');
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
    expect(article.blocks).toHaveLength(13);
    expect(article.blocks.every((block) => block.dir === undefined)).toBe(true);
  });

  it('gives the same article for a CRLF file with a BOM and NUL bytes', () => {
    const dirty = '\uFEFF' + seed.replace(/\n/g, '\r\n').replace('هزيمة', 'هز\u0000يمة');
    expect(importPlainText(dirty, 'article-ar.txt')).toEqual(importPlainText(seed, 'article-ar.txt'));
  });

  it('marks an English paragraph of an Arabic article left to right', () => {
    const english =
      'The United States Africa Command said the strikes were carried out in coordination with the government.';
    const arabic =
      'وأكدت القيادة الأمريكية في أفريقيا أن الغارات نفذت بالتنسيق مع حكومة الوفاق الوطني في طرابلس، وأنها ستستمر.';
    const article = importPlainText(`بيان الأفريكوم\n\n${arabic}\n\n${english}\n`, 'mixed.txt');
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
    expect(article.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'بيان الأفريكوم' },
      { kind: 'paragraph', text: arabic },
      { kind: 'paragraph', text: english, dir: 'ltr' },
    ]);
  });

  it('keeps canonical offsets faithful to the normalised source lines', () => {
    const article = importPlainText('عنوان\r\n\r\nفقرة   أولى.\r\n', 'x.txt');
    expect(canonicalText(article.blocks)).toBe('عنوان\n\nفقرة   أولى.');
  });

  it('returns no blocks for a whitespace-only file, so the caller can report it empty', () => {
    expect(importPlainText('\uFEFF \r\n\t\r\n', 'blank.txt')).toEqual({
      title: '',
      lang: 'und',
      dir: 'ltr',
      blocks: [],
    });
  });

  it('reads Arabic presentation forms as the letters they show, as a file import does', () => {
    // «مرحبا بكم» typed with the contextual shapes an old PDF export uses.
    const shaped = 'ﻣﺮﺣﺒﺎ ﺑﻜﻢ\n\nﻓﻘﺮﺓ ﺃﻭﻟﻰ.\n';
    const article = importPlainText(shaped, 'shaped.txt');
    expect(article.title).toBe('مرحبا بكم');
    expect(canonicalText(article.blocks)).toBe('مرحبا بكم\n\nفقرة أولى.');
  });

  it('gives the same article as importing the file’s bytes', () => {
    const { title, lang, dir, blocks } = importBytesInThisThread(
      new TextEncoder().encode(seed),
      'article-ar.txt',
    );
    expect(importPlainText(seed, 'article-ar.txt')).toEqual({ title, lang, dir, blocks });
  });
});
