/**
 * The few words the exports write themselves. Exports are read outside the app, where the UI language is
 * unknown, so each label is bilingual with the article's own language side first.
 */
import type { Color } from '../../shared/annotation-model';
import type { Direction } from '../articles';

const WORDS = {
  highlights: ['المقتطفات', 'Highlights'],
  orphans: ['غير مثبتة', 'Orphaned'],
  tags: ['الوسوم', 'Tags'],
  color: ['اللون', 'Colour'],
  source: ['المصدر', 'Source'],
  exported: ['صُدّرت', 'Exported'],
} as const;

export type LabelKey = keyof typeof WORDS;

/** «عربي / English» in a right-to-left article, «English / عربي» in a left-to-right one. */
export function label(key: LabelKey, dir: Direction): string {
  const [ar, en] = WORDS[key];
  return dir === 'rtl' ? `${ar} / ${en}` : `${en} / ${ar}`;
}

/** The colour key, followed by the reader's name for it when one was given: `yellow (أصفر)`. */
export function colorLabel(color: Color, names: Partial<Record<Color, string>> | undefined): string {
  const name = names?.[color]?.trim();
  return name ? `${color} (${name})` : color;
}
