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
 * head). See docs/ARCHITECTURE.md, "Opening fast".
 */
const { view } = parseRoute(window.location.hash);
if (view === 'article' || view === 'start') window.hamishFirstScreen = showReaderFirstScreen();
else if (view === 'library')
  window.hamishFirstScreen = showLibraryFirstScreen(Promise.resolve(libraryScreen));
