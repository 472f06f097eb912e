import ar from '../../../shared/i18n/ar.json';
import en from '../../../shared/i18n/en.json';

import { pickLanguage, type Language } from '../../../shared/language';

export { pickLanguage, type Language };

export const MESSAGES: Record<Language, Record<string, string>> = { ar, en };

/** Keys of English messages, without plural suffixes: the vocabulary every language must cover. */
export type MessageKey = keyof typeof en extends infer K
  ? K extends `${infer Base}.${'one' | 'other'}`
    ? Base
    : K
  : never;

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

export type Translate = {
  (key: MessageKey, values?: Record<string, string | number>): string;
  plural: (key: MessageKey, count: number, values?: Record<string, string | number>) => string;
  language: Language;
  dir: 'rtl' | 'ltr';
  number: (value: number) => string;
  percent: (fraction: number) => string;
  date: (iso: string) => string;
};

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/**
 * Builds the translation function of one language: `{name}` placeholders, Intl plural rules and formats.
 * `messages` are the language's, unless given.
 */
export function createTranslate(
  language: Language,
  messages: Readonly<Record<string, string>> = MESSAGES[language],
): Translate {
  // Made on first use: the first Intl formatter of a page loads locale data (tens of milliseconds), and
  // the reader's first screen formats no number, date or plural.
  const numbers = once(() => new Intl.NumberFormat(language));
  const percents = once(
    () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
  );
  const dates = once(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }));
  const plurals = once(() => new Intl.PluralRules(language));

  const fill = (template: string, values: Record<string, string | number> = {}): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers().format(value) : value;
    });

  const t = ((key: MessageKey, values?: Record<string, string | number>) =>
    fill(messages[key] ?? key, values)) as Translate;
  t.plural = (key, count, values) => {
    const category = plurals().select(count);
    const template = messages[`${key}.${category}`] ?? messages[`${key}.other`] ?? key;
    return fill(template, { count, ...values });
  };
  t.language = language;
  t.dir = language === 'ar' ? 'rtl' : 'ltr';
  t.number = (value) => numbers().format(value);
  t.percent = (fraction) => percents().format(fraction);
  t.date = (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : dates().format(date);
  };
  return t;
}

export { PLURAL_CATEGORIES };
