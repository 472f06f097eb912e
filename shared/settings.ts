import type { Color } from './annotation-model';

/**
 * Reader and shell settings: the choices, the ranges and the defaults, for main (which validates them in
 * main/api/settings.ts) and the renderer (which offers them) alike.
 */

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export const FONTS = ['naskh', 'amiri', 'sans'] as const;
export const LANGUAGES = ['auto', 'ar', 'en'] as const;

export const FONT_SIZE = { min: 12, max: 40 } as const;
export const LINE_HEIGHT = { min: 1.2, max: 2.6 } as const;
export const MEASURE = { min: 40, max: 100 } as const;

/** Where the window was, so it opens there again (each side 200–20,000 pixels). */
export type WindowBounds = { x: number; y: number; width: number; height: number; maximized: boolean };

export type Settings = {
  theme: (typeof THEMES)[number];
  font: (typeof FONTS)[number];
  fontSize: number;
  lineHeight: number;
  /** Text width in characters. */
  measure: number;
  language: (typeof LANGUAGES)[number];
  /** Light prefix stemming (و ف ب ك ل ال) in "search everything"; find in article never stems. */
  searchStemming: boolean;
  /** The reader's names for the highlight colours (e.g. «مهم», «سؤال»); a colour without one shows its own name. */
  colorNames: Partial<Record<Color, string>>;
  window: WindowBounds | null;
};

/** A partial update from the renderer. Window bounds are the shell's, not the page's. */
export type SettingsPatch = Partial<Omit<Settings, 'window'>>;

/** The settings the page offers: all but the window bounds. */
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

export const DEFAULT_SETTINGS: Settings = { ...READER_DEFAULTS, window: null };
