import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The faces in renderer/src/faces/ are written by scripts/merge-faces.py from @fontsource's files: each
// weight's Arabic and Latin files merged into one (docs/ARCHITECTURE.md, "Opening fast"). These tests check
// that what is committed is what that script makes from the @fontsource installed: the same characters,
// the same font version, the metrics the browser read before, and a stylesheet with @fontsource's ranges.
const ROOT = path.resolve(import.meta.dirname, '../..');
const FACES = path.join(ROOT, 'renderer', 'src', 'faces');
const FAMILIES = { 'noto-naskh-arabic': 'Noto Naskh Arabic', 'noto-sans-arabic': 'Noto Sans Arabic' };
const WEIGHTS = ['400', '700'];
const KEPT = ['math', 'symbols', 'latin-ext'];

const fontsource = (pkg: string, file: string) => path.join(ROOT, 'node_modules', '@fontsource', pkg, file);

/** The tags WOFF2 names by index in its table directory (WOFF2 specification, 5.1). */
const KNOWN_TAGS = (
  'cmap,head,hhea,hmtx,maxp,name,OS/2,post,cvt ,fpgm,glyf,loca,prep,CFF ,VORG,EBDT,EBLC,gasp,hdmx,kern,' +
  'LTSH,PCLT,VDMX,vhea,vmtx,BASE,GDEF,GPOS,GSUB,EBSC,JSTF,MATH,CBDT,CBLC,COLR,CPAL,SVG ,sbix,acnt,avar,' +
  'bdat,bloc,bsln,cvar,fdsc,feat,fmtx,fvar,gvar,hsty,just,lcar,mort,morx,opbd,prop,trak,Zapf,Silf,Glat,' +
  'Gloc,Feat,Sill'
).split(',');

/** A WOFF2 file's tables that are stored as they are in the font (all but a transformed glyf and loca). */
function woff2Tables(file: string): Map<string, DataView> {
  const data = readFileSync(file);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error(`${file}: not a WOFF2 file`);
  const count = view.getUint16(12);
  const compressed = view.getUint32(20);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = view.getUint8(at++);
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    throw new Error(`${file}: a length longer than five bytes`);
  };
  const entries: { tag: string; length: number; stored: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const flags = view.getUint8(at++);
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 63) {
      tag = data.subarray(at, at + 4).toString('latin1');
      at += 4;
    }
    if (!tag) throw new Error(`${file}: unknown table index ${flags & 0x3f}`);
    const version = flags >> 6;
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    const original = base128();
    entries.push({ tag, length: transformed ? base128() : original, stored: !transformed });
  }
  const stream = brotliDecompressSync(data.subarray(at, at + compressed));
  const tables = new Map<string, DataView>();
  let offset = 0;
  for (const entry of entries) {
    if (entry.stored)
      tables.set(entry.tag, new DataView(stream.buffer, stream.byteOffset + offset, entry.length));
    offset += entry.length;
  }
  return tables;
}

/** The characters a font maps to a glyph, from its Unicode cmap (format 12, or else 4). */
function characters(tables: Map<string, DataView>): Set<number> {
  const cmap = tables.get('cmap');
  if (!cmap) throw new Error('no cmap');
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < cmap.getUint16(2); i++) {
    const offset = cmap.getUint32(4 + i * 8 + 4);
    subtables.push({ format: cmap.getUint16(offset), offset });
  }
  const found = new Set<number>();
  const twelve = subtables.find((subtable) => subtable.format === 12);
  if (twelve) {
    const groups = cmap.getUint32(twelve.offset + 12);
    for (let i = 0; i < groups; i++) {
      const group = twelve.offset + 16 + i * 12;
      for (let c = cmap.getUint32(group); c <= cmap.getUint32(group + 4); c++) found.add(c);
    }
    return found;
  }
  const four = subtables.find((subtable) => subtable.format === 4);
  if (!four) throw new Error('no Unicode cmap of format 12 or 4');
  const segments = cmap.getUint16(four.offset + 6) / 2;
  const ends = four.offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const start = cmap.getUint16(starts + s * 2);
    const end = cmap.getUint16(ends + s * 2);
    const delta = cmap.getUint16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      // Glyph 0 is the missing glyph: through the glyph list, a 0 there means none.
      const listed = rangeOffset ? cmap.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2) : c;
      const glyph = rangeOffset && listed === 0 ? 0 : (listed + delta) % 65536;
      if (glyph !== 0) found.add(c);
    }
  }
  return found;
}

/** The metrics the browser takes from the file that holds a face's space. */
function metrics(tables: Map<string, DataView>) {
  const head = tables.get('head');
  const os2 = tables.get('OS/2');
  if (!head || !os2) throw new Error('no head or OS/2 table');
  return {
    revision: head.getUint32(4),
    xMin: head.getInt16(36),
    xMax: head.getInt16(40),
    averageWidth: os2.getInt16(2),
  };
}

/**
 * A face's own line height, in ems, as a browser takes it for `line-height: normal`: the ascender, the
 * descender and the line gap of its horizontal header, over its units per em (the OS/2 table's, which
 * these faces say to use, are the same; checked).
 */
function lineHeight(tables: Map<string, DataView>): number {
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const os2 = tables.get('OS/2');
  if (!head || !hhea || !os2) throw new Error('no head, hhea or OS/2 table');
  const [ascender, descender, gap] = [4, 6, 8].map((at) => hhea.getInt16(at));
  const typo = [68, 70, 72].map((at) => os2.getInt16(at));
  if (typo.join() !== [ascender, descender, gap].join()) throw new Error('hhea and OS/2 metrics differ');
  return ((ascender ?? 0) - (descender ?? 0) + (gap ?? 0)) / head.getUint16(18);
}

/** @fontsource's `@font-face` rules for one weight, by subset, with their ranges. */
function fontsourceRanges(pkg: string, weight: string): Map<string, string> {
  const css = readFileSync(fontsource(pkg, `${weight}.css`), 'utf8');
  const ranges = new Map<string, string>();
  for (const [, name = '', body = ''] of css.matchAll(/\/\* ([\w-]+) \*\/\s*@font-face\s*\{([^}]*)\}/g)) {
    const subset = name.slice(pkg.length + 1, -`-${weight}-normal`.length);
    ranges.set(subset, /unicode-range:\s*([^;]+);/.exec(body)?.[1]?.replace(/\s+/g, '') ?? '');
  }
  return ranges;
}

const stylesheet = readFileSync(path.join(FACES, 'faces.css'), 'utf8');
const rules = [...stylesheet.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body = '']) => ({
  family: /font-family:\s*'([^']+)'/.exec(body)?.[1],
  weight: /font-weight:\s*(\d+)/.exec(body)?.[1],
  url: /src:\s*url\('([^']+)'\)/.exec(body)?.[1] ?? '',
  // As the formatter wrote it: spaces after the commas, lines broken.
  range: /unicode-range:\s*([^;]+);/.exec(body)?.[1]?.replace(/\s+/g, ''),
  display: /font-display:\s*(\w+)/.exec(body)?.[1],
}));

describe('the merged faces (renderer/src/faces/)', () => {
  for (const [pkg, family] of Object.entries(FAMILIES))
    for (const weight of WEIGHTS) {
      const merged = path.join(FACES, `${pkg}-arabic-latin-${weight}-normal.woff2`);
      const subset = (name: string) =>
        woff2Tables(fontsource(pkg, `files/${pkg}-${name}-${weight}-normal.woff2`));

      it(`${family} ${weight}: maps every character of @fontsource's Arabic and Latin files, and no other`, () => {
        const expected = new Set([...characters(subset('arabic')), ...characters(subset('latin'))]);
        const actual = characters(woff2Tables(merged));
        expect(expected.size).toBeGreaterThan(1000);
        expect([...actual].filter((c) => !expected.has(c))).toEqual([]);
        expect([...expected].filter((c) => !actual.has(c))).toEqual([]);
      });

      it(`${family} ${weight}: is the version @fontsource ships, with the Latin file's widths (text fields' size)`, () => {
        const latin = metrics(subset('latin'));
        const ours = metrics(woff2Tables(merged));
        // A newer @fontsource means running scripts/merge-faces.py again.
        expect(ours.revision).toBe(metrics(subset('arabic')).revision);
        expect(ours.revision).toBe(latin.revision);
        expect([ours.averageWidth, ours.xMin, ours.xMax]).toEqual([
          latin.averageWidth,
          latin.xMin,
          latin.xMax,
        ]);
      });

      it(`${family} ${weight}: is declared with @fontsource's ranges, the merged file last`, () => {
        const ranges = fontsourceRanges(pkg, weight);
        const own = rules.filter((rule) => rule.family === family && rule.weight === weight);
        expect(own.map((rule) => path.basename(rule.url))).toEqual([
          ...KEPT.map((name) => `${pkg}-${name}-${weight}-normal.woff2`),
          path.basename(merged),
        ]);
        expect(own.map((rule) => rule.range)).toEqual([
          ...KEPT.map((name) => ranges.get(name)),
          `${ranges.get('arabic')},${ranges.get('latin')}`,
        ]);
        expect(own.every((rule) => rule.display === 'swap')).toBe(true);
        for (const rule of own)
          expect(
            existsSync(
              rule.url.startsWith('@fontsource/')
                ? path.join(ROOT, 'node_modules', rule.url)
                : path.join(FACES, rule.url),
            ),
            rule.url,
          ).toBe(true);
      });
    }

  it("gives the interface's lines its face's own line height (--ui-leading), so a fallback face draws them as tall", () => {
    const styles = readFileSync(path.join(ROOT, 'renderer', 'src', 'styles.css'), 'utf8');
    const leading = Number(/--ui-leading:\s*([\d.]+);/.exec(styles)?.[1]);
    for (const weight of WEIGHTS) {
      const own = lineHeight(
        woff2Tables(path.join(FACES, `noto-sans-arabic-arabic-latin-${weight}-normal.woff2`)),
      );
      expect(leading).toBeCloseTo(own, 3);
    }
    expect(styles).toMatch(
      /body\s*\{[^}]*font-family: var\(--ui-font\);[^}]*line-height: var\(--ui-leading\);/,
    );
  });

  it('declares no other face, and ships the faces’ licence', () => {
    expect(rules).toHaveLength(Object.keys(FAMILIES).length * WEIGHTS.length * (KEPT.length + 1));
    expect(readFileSync(path.join(FACES, 'OFL.txt'), 'utf8')).toContain('SIL Open Font License, Version 1.1');
  });

  it('refuses a file that is not WOFF2', () => {
    expect(() => woff2Tables(path.join(FACES, 'faces.css'))).toThrow(/faces\.css: not a WOFF2 file/);
  });
});
