import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parseWebAnnotationJson, type ParsedExport } from './web-annotation-parse';
import { toWebAnnotationJson } from './web-annotation';
import schema from './web-annotation.schema.json';
import { seedInput, twoArticleInput } from '../../test/kits/export-fixture';
import type { ExportInput } from './types';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function parsed(text: string): ParsedExport {
  const result = parseWebAnnotationJson(text);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** What a restore must get back: every article's metadata and highlights, in any order. */
function restorable(input: ExportInput): unknown {
  return input.articles.map(({ meta, highlights }) => ({
    meta: {
      id: meta.id,
      title: meta.title,
      lang: meta.lang,
      dir: meta.dir,
      source: meta.source,
      note: meta.note,
      tags: meta.tags,
    },
    highlights: [...highlights].sort((a, b) => a.id.localeCompare(b.id)),
  }));
}

function sortedById(value: ParsedExport): unknown {
  return value.articles.map((article) => ({
    ...article,
    highlights: [...article.highlights].sort((a, b) => a.id.localeCompare(b.id)),
  }));
}

describe('toWebAnnotationJson', () => {
  it.each([
    ['the seed article', seedInput()],
    ['two articles', twoArticleInput()],
    ['no highlights', { ...seedInput(), articles: [] }],
  ])('validates against the Web Annotation JSON Schema: %s', (_name, input) => {
    const valid = validate(JSON.parse(toWebAnnotationJson(input)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is refused by the schema when a required field of the model is missing', () => {
    const doc = JSON.parse(toWebAnnotationJson(seedInput()));
    delete doc.first.items[0].target.selector[0].exact;
    expect(validate(doc)).toBe(false);
    const noFirst = JSON.parse(toWebAnnotationJson(seedInput()));
    delete noFirst.first;
    expect(validate(noFirst)).toBe(false);
  });

  it('writes a note as a commenting Markdown body and each tag as a tagging body', () => {
    const doc = JSON.parse(toWebAnnotationJson(seedInput()));
    const english = doc.first.items.find(
      (item: { id: string }) => item.id === 'urn:hamish:highlight:h-moved',
    );
    expect(english.motivation).toBe('highlighting');
    expect(english.body).toEqual([
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: 'Readwise وObsidian يقرآن هذه الملاحظة.',
        format: 'text/markdown',
        language: 'ar',
        textDirection: 'auto',
      },
      { type: 'TextualBody', purpose: 'tagging', value: '2019' },
    ]);
  });

  it('targets an orphan by its quote only', () => {
    const doc = JSON.parse(toWebAnnotationJson(seedInput()));
    const orphan = doc.first.items.at(-1);
    expect(orphan['hamish:status']).toBe('orphan');
    expect(orphan.target.selector.map((selector: { type: string }) => selector.type)).toEqual([
      'TextQuoteSelector',
    ]);
    expect(orphan.body).toHaveLength(1);
  });
});

describe('parseWebAnnotationJson', () => {
  it.each([
    ['the seed article', seedInput()],
    ['two articles', twoArticleInput()],
  ])('gives back every highlight and article of the export: %s', (_name, input) => {
    const value = parsed(toWebAnnotationJson(input));
    expect(value.schemaVersion).toBe(1);
    expect(value.exportedAt).toBe(input.exportedAt);
    expect(sortedById(value)).toEqual(restorable(input));
  });

  it('reads a file saved with a BOM', () => {
    expect(parseWebAnnotationJson(`\uFEFF${toWebAnnotationJson(seedInput())}`).ok).toBe(true);
  });

  it.each([
    ['not-json', 'not JSON', '{"@context": '],
    ['not-json', 'empty', ''],
    ['wrong-shape', 'a JSON array', '[]'],
    ['wrong-shape', 'another app’s annotations', JSON.stringify({ type: 'AnnotationCollection', total: 0 })],
    [
      'newer-version',
      'a newer export',
      toWebAnnotationJson(seedInput()).replace('"hamish:schemaVersion": 1', '"hamish:schemaVersion": 2'),
    ],
    [
      'wrong-shape',
      'an unknown colour',
      toWebAnnotationJson(seedInput()).replace('"hamish:color": "green"', '"hamish:color": "red"'),
    ],
    [
      'wrong-shape',
      'a foreign highlight id',
      toWebAnnotationJson(seedInput()).replace('urn:hamish:highlight:h-commas', 'urn:uuid:1'),
    ],
    [
      'wrong-shape',
      'a highlight of a missing article',
      toWebAnnotationJson(seedInput()).replace(
        '"urn:hamish:article:seed-article",\n      "type"',
        '"urn:hamish:article:other",\n      "type"',
      ),
    ],
    ['wrong-shape', 'a truncated page', toWebAnnotationJson(seedInput()).replace('"total": 6', '"total": 7')],
  ])('refuses %s: %s', (code, _name, text) => {
    const result = parseWebAnnotationJson(text);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).not.toMatch(/^\s*$/);
  });
});
