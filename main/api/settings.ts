import { z } from 'zod';
import { COLORS } from '../annotations/model';

/**
 * Reader and shell settings. Reading a settings object never fails: unknown keys are dropped and
 * out-of-range or unknown values fall back to their default (the caller is told which keys were reset).
 */

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export const FONTS = ['naskh', 'amiri', 'sans'] as const;
export const LANGUAGES = ['auto', 'ar', 'en'] as const;

export const FONT_SIZE = { min: 12, max: 40 } as const;
export const LINE_HEIGHT = { min: 1.2, max: 2.6 } as const;
export const MEASURE = { min: 40, max: 100 } as const;

const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

const fields = {
  theme: z.enum(THEMES),
  font: z.enum(FONTS),
  fontSize: z.number().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineHeight: z.number().min(LINE_HEIGHT.min).max(LINE_HEIGHT.max),
  /** Text width in characters. */
  measure: z.number().int().min(MEASURE.min).max(MEASURE.max),
  language: z.enum(LANGUAGES),
  /** The reader's names for the highlight colours (e.g. «مهم», «سؤال»); a colour without one shows its own name. */
  /** Light prefix stemming (و ف ب ك ل ال) in "search everything"; find in article never stems. */
  searchStemming: z.boolean(),
  colorNames: z.partialRecord(z.enum(COLORS), z.string().trim().max(40)),
  window: WindowBounds.nullable(),
};

export const SettingsSchema = z.object(fields).strict();
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update from the renderer: strict, every value in range. Window bounds are the shell's, not the page's. */
export const SettingsPatchSchema = SettingsSchema.omit({ window: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  font: 'naskh',
  fontSize: 20,
  lineHeight: 1.9,
  measure: 70,
  language: 'auto',
  searchStemming: false,
  colorNames: {},
  window: null,
};

/** Reads settings from untrusted data, keeping every valid value and resetting the rest. */
export function readSettings(data: unknown): { settings: Settings; reset: string[] } {
  const source = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const reset: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (!Object.hasOwn(fields, key)) {
      reset.push(key);
      continue;
    }
    const parsed = fields[key as keyof typeof fields].safeParse(value);
    if (parsed.success) settings[key] = parsed.data;
    else reset.push(key);
  }
  return { settings: settings as Settings, reset };
}
