import { ENTRY_META } from '../start-app-meta';
import { parseRoute } from '../use-route';
import { showLibraryFirstScreen, showReaderFirstScreen } from './first-screen';
import * as libraryScreen from './library-screen';

/**
 * The page's own script for the first screen of an article, of the article opened at start and of the
 * library. The build bundles this file as a classic script and writes it into the page's head, after the
 * stylesheet, which it writes there too (`inlineFirstScreen` in electron.vite.config.ts); the CSP allows
 * both by the hashes of their texts (main/app/csp.ts). The first screen is then drawn as soon as main's
 * answers are in, where the entry would first have to arrive, and the stylesheet before it. The library's
 * drawing comes here with only the messages it draws (library-messages.ts). The entry (main.tsx) waits for
 * the promise left here, and draws the first screen itself where there is none (a page without the built
 * head).
 *
 * The built page names the entry rather than loading it (`ENTRY_META`): this script runs it once the first
 * screen is painted, or given up, and on the other pages once the page is parsed. See docs/ARCHITECTURE.md,
 * "Opening fast".
 */

/** Adds the entry's script to the page (a module, run as soon as it has come). */
function runEntry(): void {
  const source = document.querySelector<HTMLMetaElement>(`meta[name="${ENTRY_META}"]`)?.content;
  if (!source) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.crossOrigin = '';
  script.src = source;
  document.head.appendChild(script);
}

const { view } = parseRoute(window.location.hash);
const firstScreen =
  view === 'article' || view === 'start'
    ? showReaderFirstScreen()
    : view === 'library'
      ? showLibraryFirstScreen(Promise.resolve(libraryScreen))
      : undefined;
if (firstScreen) {
  window.hamishFirstScreen = firstScreen;
  void firstScreen.then(runEntry, runEntry);
} else if (document.readyState === 'loading') {
  // A module added by a script runs as soon as it has come, not once the page is parsed as one written in
  // it would: the entry's views need the page's root.
  document.addEventListener('DOMContentLoaded', runEntry, { once: true });
} else runEntry();
