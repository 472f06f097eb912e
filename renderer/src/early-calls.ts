import { callEarly } from './api';
import { interfaceFont, loadFaces } from './faces/load-faces';
import { START_APP_META } from './start-app-meta';
import { parseRoute } from './use-route';

/**
 * Imported first by main.tsx, so that it runs before React and the views are evaluated: asks main now
 * for what the first screen will show (the settings, and the article or library the URL names). The
 * page's first script (shared/early-script.ts) has already sent these calls while the head was parsed;
 * `callEarly` takes them over, and sends them itself only where that script did not run. The answers
 * travel while the rest of the code loads; the views then take them instead of asking again.
 */
const route = parseRoute(window.location.hash);
callEarly('getSettings', {});
if (route.view === 'article') callEarly('openArticle', { id: route.id });
else if (route.view === 'library' || route.view === 'start') callEarly('listArticles', {});

/** Fetches the interface's code (named by the built page; see electron.vite.config.ts). */
export function preloadStartApp(): void {
  const chunks = document.querySelector<HTMLMetaElement>(`meta[name="${START_APP_META}"]`)?.content ?? '';
  for (const href of chunks.split(' ').filter(Boolean)) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  }
}

/**
 * Loads the interface's face, regular and bold (the face the stylesheet names for the interface,
 * `--ui-font`, styles.css), through the page's own font faces; settles once both are in, or failed. An
 * article's first screen is drawn without it: its blank controls hold no text (first-screen/frame.ts).
 * Asked for with a `<link rel="preload">` instead, it came in after the page's load, when the browser lets
 * go of unused preloads: the faces' own requests, once React drew, fetched both files again.
 */
export function loadInterfaceFaces(): Promise<unknown> {
  return loadFaces(interfaceFont());
}

// An article's and the library's first screens, and that of the article the app opens at start, are
// drawn without that code (first-screen/): there main.tsx fetches it once that screen is painted, as its
// evaluation, landing while the screen was being drawn, held the paint back (fetched as the answers came
// in, the default article painted at 1.6-1.7x the minimal page, at 1.4-1.5x fetched after). Elsewhere it
// is fetched now, alongside the answers. See docs/ARCHITECTURE.md, "Opening fast".
if (route.view !== 'article' && route.view !== 'library' && route.view !== 'start') preloadStartApp();
