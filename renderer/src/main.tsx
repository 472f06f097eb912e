import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '@fontsource/amiri/400.css';
import '@fontsource/amiri/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './styles.css';
import './reader/reader.css';
import './reader/blocks.css';
import './search/search.css';
import './library/tools.css';
import './dialog/dialog.css';
import './settings/settings.css';
import './toc/toc.css';
import './library/library.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchArticle } from './api';
import { App } from './App';
import { parseRoute } from './use-route';
import { installThemes } from './theme/palettes';

installThemes(document);

// Start fetching the default reading face and the interface face now, in parallel with the first API
// calls, rather than when the first Arabic glyph is laid out. The other faces load when chosen.
void document.fonts.load('400 20px "Noto Naskh Arabic"', 'ب');
void document.fonts.load('700 20px "Noto Naskh Arabic"', 'ب');
void document.fonts.load('400 16px "Noto Sans Arabic"', 'ب');

// Opening the article the URL names need not wait for the settings: start it now.
const route = parseRoute(window.location.hash);
if (route.view === 'article') prefetchArticle(route.id);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
