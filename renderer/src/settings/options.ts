import type * as SettingsModule from '../../../main/api/settings';
import type { Settings } from '../../../main/api/settings';

/*
 * The choices and ranges of the settings, as main validates them. They are restated here because
 * main/api/settings.ts also builds zod schemas, which the renderer does not bundle; the `typeof` types
 * make the compiler reject any drift (the main constants are `as const`).
 */

export const THEMES: typeof SettingsModule.THEMES = ['system', 'light', 'sepia', 'dark'];
export const FONTS: typeof SettingsModule.FONTS = ['naskh', 'amiri', 'sans'];
export const LANGUAGES: typeof SettingsModule.LANGUAGES = ['auto', 'ar', 'en'];
export const FONT_SIZE: typeof SettingsModule.FONT_SIZE = { min: 12, max: 40 };
export const LINE_HEIGHT: typeof SettingsModule.LINE_HEIGHT = { min: 1.2, max: 2.6 };
export const MEASURE: typeof SettingsModule.MEASURE = { min: 40, max: 100 };

export type ReaderSettings = Omit<Settings, 'window'>;

/** What the reader starts with, and falls back to when the settings cannot be read at all. */
export const READER_DEFAULTS: ReaderSettings = {
  theme: 'system',
  font: 'naskh',
  fontSize: 20,
  lineHeight: 1.9,
  measure: 70,
  language: 'auto',
  searchStemming: false,
  colorNames: {},
};
