/** Interface languages. Each article keeps its own `lang`/`dir`; this is only the chrome (page and shell). */
export type Language = 'ar' | 'en';

/**
 * Arabic for an Arabic system (or when chosen), English otherwise. The page passes `navigator.languages`, the
 * shell Electron's locale, so menus, dialogs and the page always agree.
 */
export function pickLanguage(setting: 'auto' | Language, systemLanguages: readonly string[]): Language {
  if (setting !== 'auto') return setting;
  const first = systemLanguages[0]?.toLowerCase() ?? '';
  return first === 'ar' || first.startsWith('ar-') ? 'ar' : 'en';
}
