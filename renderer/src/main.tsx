// The entry is kept small: it asks main for what the first screen shows (early-calls.ts), where the page's
// first script has not; waits for the first screen of an article or of the library (or draws it,
// first-screen/, on a page without the page's own script, which in the built page draws it as plain DOM
// and runs this file only once it is painted); and only then loads React and the views. See
// docs/ARCHITECTURE.md, "Opening fast".
import { loadInterfaceFaces, preloadStartApp } from './early-calls';
import { callEarly } from './api';
import { showFirstScreen } from './first-screen/first-screen';
import { loadLibraryPage } from './load-on-demand';
import { parseRoute } from './use-route';
import './faces/faces.css';
import '@fontsource/amiri/400.css';
import '@fontsource/amiri/700.css';
import './styles.css';
import './reader/reader.css';
import './reader/blocks.css';
import './search/search.css';
import './library/tools.css';
import './dialog/dialog.css';
import './settings/settings.css';
import './toc/toc.css';
import './library/library.css';
import './first-screen/first-screen.css';

// The faces the first screen is drawn in (faces/: the reading and interface faces, each weight's Arabic and
// Latin in one file) are preloaded by the page's first script (shared/early-script.ts), not asked for here:
// `document.fonts.load` cost the entry ~10 ms before it could draw (docs/ARCHITECTURE.md, "Opening fast").
// An article's first screen uses only the reading face; the interface's is asked for once it is painted.
// The other faces load when chosen.

// The first screen is drawn by the page's own script, where the built page carries it
// (first-screen/in-page.ts); on a page without it, here.
const firstScreen = window.hamishFirstScreen?.catch(() => undefined) ?? showFirstScreen();

void firstScreen.then(async () => {
  // The article the page's script asked for at start, taken over as the entry takes the others
  // (early-calls.ts): the reader then opens with it rather than asking again.
  const route = parseRoute(window.location.hash);
  if (route.view === 'article') callEarly('openArticle', { id: route.id });
  // The library's page is loaded before React renders, so that React's first render is the library and
  // not "loading" in its place (load-on-demand.ts); the interface's code downloads meanwhile.
  if (route.view === 'library') {
    preloadStartApp();
    await loadLibraryPage().catch(() => undefined);
  }
  // The interface's face, which an article's first screen does without (first-screen/frame.ts), in a task
  // of its own once React's code is asked for; React's first render waits a short while for it
  // (start-app.tsx), so that its labels are drawn in it.
  setTimeout(() => void loadInterfaceFaces());
  await import('./start-app');
});
