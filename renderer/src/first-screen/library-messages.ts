import { PLURAL_CATEGORIES, type MessageKey } from '../i18n';

/**
 * The messages the library's first screen (library-screen.ts) draws, and only those. The page's own
 * first-screen script carries that screen (in-page.ts), so every page carries these messages: the build
 * gives that script the interface's messages cut down to these keys, 3 KB where the whole set is 60 KB
 * (electron.vite.config.ts). A key missing here would be drawn as the key itself; the component test draws
 * the screen with the cut-down messages and with the whole set, and compares them. See
 * docs/ARCHITECTURE.md, "Opening fast".
 */
export const LIBRARY_SCREEN_KEYS: readonly MessageKey[] = [
  'library.title',
  'library.count',
  'library.added',
  'library.highlights',
  'library.progress',
  'library.continue',
  'library.lastRead',
  'library.resume',
  'library.searchTitles',
  'library.sortDate',
  'library.sortRead',
  'library.sortTitle',
  'library.import',
  'library.trash',
  'library.backups',
  'panel.allTags',
  'web.placeholder',
  'web.save',
  'export.all',
  'restore.button',
];

/** A plural message's key: its base, a dot and a plural category (`library.count.few`). */
const PLURAL_KEY = new RegExp(`^(.+)\\.(?:${PLURAL_CATEGORIES.join('|')})$`);

/** `messages` cut down to `keys`, each with its plural forms. */
export function pickMessages(
  messages: Readonly<Record<string, string>>,
  keys: readonly string[],
): Record<string, string> {
  const wanted = new Set(keys);
  return Object.fromEntries(
    Object.entries(messages).filter(
      ([key]) => wanted.has(key) || wanted.has(PLURAL_KEY.exec(key)?.[1] ?? ''),
    ),
  );
}
