import ar from '../../shared/i18n/ar.json';
import en from '../../shared/i18n/en.json';
import type { Language } from '../../shared/language';

/**
 * The shell's strings (menus, dialogs) come from the interface's own message files (shared/i18n), so the
 * native parts of the app speak the same language as the page, with the same words. The language is chosen
 * by the page's rule too (`pickLanguage` in shared/language.ts).
 */
export type ShellLanguage = Language;

const MESSAGES: Record<ShellLanguage, Record<string, string>> = { ar, en };

/** One message, with `{name}` placeholders filled. */
export function shellText(language: ShellLanguage, key: string, values: Record<string, string> = {}): string {
  const template = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
