import { z } from 'zod';
import { COLORS } from '../../shared/annotation-model';
import {
  DEFAULT_SETTINGS,
  FONTS,
  FONT_SIZE,
  LANGUAGES,
  LINE_HEIGHT,
  MEASURE,
  THEMES,
  type Settings,
  type SettingsPatch,
  type WindowBounds,
} from '../../shared/settings';

/**
 * Reader and shell settings, validated: the choices, ranges and defaults are the shared vocabulary's
 * (shared/settings.ts). Reading a settings object never fails: unknown keys are dropped and out-of-range or
 * unknown values fall back to their default (the caller is told which keys were reset).
 */

export { DEFAULT_SETTINGS, FONTS, FONT_SIZE, LANGUAGES, LINE_HEIGHT, MEASURE, THEMES };
export type { Settings, SettingsPatch, WindowBounds };

const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});

const fields = {
  theme: z.enum(THEMES),
  font: z.enum(FONTS),
  fontSize: z.number().min(FONT_SIZE.min).max(FONT_SIZE.max),
  lineHeight: z.number().min(LINE_HEIGHT.min).max(LINE_HEIGHT.max),
  /** Text width in characters. */
  measure: z.number().int().min(MEASURE.min).max(MEASURE.max),
  language: z.enum(LANGUAGES),
  searchStemming: z.boolean(),
  colorNames: z.partialRecord(z.enum(COLORS), z.string().trim().max(40)),
  window: WindowBounds.nullable(),
};

export const SettingsSchema = z.object(fields).strict();

/** A partial update from the renderer: strict, every value in range. Window bounds are the shell's, not the page's. */
export const SettingsPatchSchema = SettingsSchema.omit({ window: true }).partial().strict();

// The shared types are written out by hand (the renderer bundles no zod); the compiler holds them to the schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const settingsMatch: Same<z.output<typeof SettingsSchema>, Settings> &
  Same<z.output<typeof WindowBounds>, WindowBounds> &
  Same<z.input<typeof SettingsPatchSchema>, SettingsPatch> = true;
void settingsMatch;

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
