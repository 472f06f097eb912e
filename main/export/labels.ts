/**
 * The few words the exports write themselves. When the export says which language the person reads the
 * app in, labels and colour names are written in that language alone; otherwise (the command line, where
 * the language is unknown) each label is bilingual with the article's own language side first.
 */
import type { Color } from '../../shared/annotation-model';
import type { Language } from '../../shared/language';
import type { Direction } from '../articles';

/** The interface languages an export can be written in. */
export type ExportLanguage = Language;

const WORDS = {
  highlights: ['المقتطفات', 'Highlights'],
  orphans: ['غير مثبتة', 'Orphaned'],
  tags: ['الوسوم', 'Tags'],
  color: ['اللون', 'Colour'],
  source: ['المصدر', 'Source'],
  exported: ['صُدّرت', 'Exported'],
} as const;

// The same names the app shows for the colours (renderer i18n, "color.*").
const COLOR_NAMES: Record<Color, readonly [string, string]> = {
  yellow: ['الأصفر', 'yellow'],
  green: ['الأخضر', 'green'],
  blue: ['الأزرق', 'blue'],
  pink: ['الوردي', 'pink'],
  purple: ['البنفسجي', 'purple'],
};

export type LabelKey = keyof typeof WORDS;

/** What the labels are written with: the reader's colour names and the interface language. */
export type LabelWords = { colorNames?: Partial<Record<Color, string>>; language?: ExportLanguage };

/**
 * In the given language: «المقتطفات» or «Highlights». Without one: «عربي / English» in a right-to-left
 * article, «English / عربي» in a left-to-right one.
 */
export function label(key: LabelKey, dir: Direction, language?: ExportLanguage): string {
  const [ar, en] = WORDS[key];
  if (language !== undefined) return language === 'ar' ? ar : en;
  return dir === 'rtl' ? `${ar} / ${en}` : `${en} / ${ar}`;
}

/**
 * The colour's name, followed by the reader's own name for it when one was given: `yellow (مهم)`,
 * «الأصفر (مهم)» in Arabic. Without a language the colour key is written, as the JSON and CSV keep it.
 */
export function colorLabel(
  color: Color,
  names: Partial<Record<Color, string>> | undefined,
  language?: ExportLanguage,
): string {
  const own = names?.[color]?.trim();
  const known = Object.hasOwn(COLOR_NAMES, color) ? COLOR_NAMES[color] : undefined;
  const base = language === 'ar' && known ? known[0] : color;
  return own ? `${base} (${own})` : base;
}

/** The line under a highlight that names its colour: «اللون: الأصفر (مهم)». */
export function colorLine(color: Color, dir: Direction, words: LabelWords): string {
  return `${label('color', dir, words.language)}: ${colorLabel(color, words.colorNames, words.language)}`;
}
