import ar from '../../renderer/src/i18n/ar.json';
import en from '../../renderer/src/i18n/en.json';

/**
 * The shell's strings (menus, dialogs) come from the interface's own message files, so the native parts
 * of the app speak the same language as the page, with the same words.
 */
export type ShellLanguage = 'ar' | 'en';

const MESSAGES: Record<ShellLanguage, Record<string, string>> = { ar, en };

/** Arabic on an Arabic system unless the user chose otherwise (the renderer's rule, for the shell). */
export function shellLanguage(setting: 'auto' | ShellLanguage, systemLocale: string): ShellLanguage {
  if (setting !== 'auto') return setting;
  const locale = systemLocale.toLowerCase();
  return locale === 'ar' || locale.startsWith('ar-') ? 'ar' : 'en';
}

/** One message, with `{name}` placeholders filled. */
export function shellText(language: ShellLanguage, key: string, values: Record<string, string> = {}): string {
  const template = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
