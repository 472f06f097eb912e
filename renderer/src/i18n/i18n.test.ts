import { describe, expect, it } from 'vitest';
import { createTranslate, MESSAGES, pickLanguage, PLURAL_CATEGORIES, type Language } from './index';

const LANGUAGES: Language[] = ['ar', 'en'];

function baseKeys(messages: Record<string, string>): Set<string> {
  const suffix = new RegExp(`\\.(${PLURAL_CATEGORIES.join('|')})$`);
  return new Set(Object.keys(messages).map((key) => key.replace(suffix, '')));
}

describe('interface strings', () => {
  it('has the same keys in Arabic and English', () => {
    expect([...baseKeys(MESSAGES.ar)].sort()).toEqual([...baseKeys(MESSAGES.en)].sort());
  });

  it('has every plural form each language needs', () => {
    for (const language of LANGUAGES) {
      const rules = new Intl.PluralRules(language);
      const pluralKeys = Object.keys(MESSAGES[language])
        .filter((key) => key.endsWith('.other'))
        .map((key) => key.slice(0, -'.other'.length));
      for (const key of pluralKeys) {
        for (const category of rules.resolvedOptions().pluralCategories) {
          expect(MESSAGES[language], `${language} ${key}.${category}`).toHaveProperty([`${key}.${category}`]);
        }
      }
    }
  });

  it('has no empty message', () => {
    for (const language of LANGUAGES) {
      for (const [key, value] of Object.entries(MESSAGES[language])) expect(value.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(MESSAGES.en)) {
      const arabic = MESSAGES.ar[key];
      if (arabic !== undefined && !/\.(one|other)$/.test(key))
        expect(placeholders(arabic), key).toEqual(placeholders(value));
    }
  });
});

describe('translate', () => {
  it('fills placeholders and picks Arabic plural forms', () => {
    const t = createTranslate('ar');
    expect(t.plural('library.highlights', 2)).toBe('تظليلان');
    expect(t.plural('library.highlights', 3)).toBe(`${t.number(3)} تظليلات`);
    expect(t('error.empty', { file: 'a.txt' })).toBe('الملف a.txt فارغ.');
  });

  it('picks English plural forms', () => {
    const t = createTranslate('en');
    expect(t.plural('library.highlights', 1)).toBe('1 highlight');
    expect(t.plural('library.highlights', 5)).toBe('5 highlights');
  });

  it('chooses Arabic for an Arabic system unless the user chose otherwise', () => {
    expect(pickLanguage('auto', ['ar-LY', 'en'])).toBe('ar');
    expect(pickLanguage('auto', ['en-GB'])).toBe('en');
    expect(pickLanguage('en', ['ar'])).toBe('en');
    expect(pickLanguage('auto', [])).toBe('en');
  });
});
