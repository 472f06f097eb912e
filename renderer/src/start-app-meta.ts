/** The meta tag in which the built page names the interface's chunk and its imports (electron.vite.config.ts). */
export const START_APP_META = 'hamish-start-app';

/**
 * The meta tag in which the built page names its entry (main.tsx's chunk) in place of loading it: the
 * page's own script (first-screen/in-page.ts) runs it once the first screen is painted, or, on a page
 * that has none, once the page is parsed (electron.vite.config.ts).
 */
export const ENTRY_META = 'hamish-entry';

/** The `ENTRY_META` tag naming the entry at `address` (`./assets/…js`), as the build writes it. */
export const entryTag = (address: string): string => `<meta name="${ENTRY_META}" content="${address}" />`;

/** The entry's address (`./assets/…js`) that a built page's `ENTRY_META` tag names, if it has one. */
export const namedEntry = (page: string): string | undefined =>
  new RegExp(`<meta name="${ENTRY_META}" content="(\\./assets/[^"]+\\.js)" />`).exec(page)?.[1];
