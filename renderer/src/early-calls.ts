import { callEarly } from './api';
import { loadLibraryPage } from './load-on-demand';
import { parseRoute } from './use-route';

/**
 * Imported first by main.tsx, so that it runs before React and the views are evaluated: asks main now
 * for what the first screen will show (the settings, and the article or library the URL names). The
 * answers travel while the rest of the code loads; the views then take them instead of asking again.
 */
const route = parseRoute(window.location.hash);
callEarly('getSettings', {});
if (route.view === 'article') callEarly('openArticle', { id: route.id });
else if (route.view === 'library' || route.view === 'start') callEarly('listArticles', {});
if (route.view === 'library') void loadLibraryPage();
