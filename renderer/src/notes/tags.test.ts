import { describe, expect, it } from 'vitest';
import { addTags, matchSuggestions, MAX_TAGS, normalizeTag } from './tags';

describe('normalizeTag', () => {
  it.each([
    ['  تاريخ  ', { ok: true, tag: 'تاريخ' }],
    ['أدب \t  عربي\nحديث', { ok: true, tag: 'أدب عربي حديث' }],
    ['Machine Learning', { ok: true, tag: 'Machine Learning' }],
    ['', { ok: false, reason: 'empty' }],
    [' \u00a0\t ', { ok: false, reason: 'empty' }],
    ['ب'.repeat(100), { ok: true, tag: 'ب'.repeat(100) }],
    ['ب'.repeat(101), { ok: false, reason: 'too-long' }],
    [`  ${'a'.repeat(100)}  `, { ok: true, tag: 'a'.repeat(100) }],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeTag(raw)).toEqual(expected);
  });
});

describe('addTags', () => {
  it('adds every comma-separated tag of a paste, Latin or Arabic commas', () => {
    expect(addTags(['a'], 'تاريخ، أدب, b,')).toEqual({ ok: true, tags: ['a', 'تاريخ', 'أدب', 'b'] });
  });

  it('refuses a duplicate, Latin compared without case', () => {
    expect(addTags(['History'], 'history')).toEqual({ ok: false, reason: 'duplicate' });
    expect(addTags(['تاريخ'], ' تاريخ ')).toEqual({ ok: false, reason: 'duplicate' });
    expect(addTags([], 'a, A')).toEqual({ ok: false, reason: 'duplicate' });
  });

  it('refuses a lone comma as an empty tag and adds nothing when one tag of a paste is bad', () => {
    expect(addTags([], '،')).toEqual({ ok: false, reason: 'empty' });
    expect(addTags([], `a, ${'x'.repeat(101)}`)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('stops at the most tags main accepts', () => {
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    expect(addTags(full, 'one more')).toEqual({ ok: false, reason: 'too-many' });
  });
});

describe('matchSuggestions', () => {
  const used = ['تاريخ', 'مقالات تاريخية', 'أدب', 'History', 'prehistory', 'تاريخ'];

  it('lists tags that start with the text first, then those containing it, each once', () => {
    expect(matchSuggestions('تاري', used, [])).toEqual(['تاريخ', 'مقالات تاريخية']);
    expect(matchSuggestions('HIST', used, [])).toEqual(['History', 'prehistory']);
  });

  it('leaves out tags already on the list and suggests nothing for empty text', () => {
    expect(matchSuggestions('تاري', used, ['تاريخ'])).toEqual(['مقالات تاريخية']);
    expect(matchSuggestions('  ', used, [])).toEqual([]);
  });
});
