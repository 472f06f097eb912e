/**
 * The interface language, in a module of its own (no messages) so that the first screen drawn before the
 * interface's code has loaded (see docs/ARCHITECTURE.md, "Opening fast") can lay the page out in it.
 */

/** Interface languages. Each article keeps its own `lang`/`dir`; this is only the chrome. */
export type Language = 'ar' | 'en';

/** Arabic for an Arabic system (or when chosen), English otherwise. */
export function pickLanguage(setting: 'auto' | Language, systemLanguages: readonly string[]): Language {
  if (setting !== 'auto') return setting;
  const first = systemLanguages[0]?.toLowerCase() ?? '';
  return first === 'ar' || first.startsWith('ar-') ? 'ar' : 'en';
}
