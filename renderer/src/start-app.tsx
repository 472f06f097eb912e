/** React and the app, loaded by main.tsx once it has asked main for the first screen's data. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installThemes } from './theme/palettes';

installThemes(document);

// Start fetching the default reading face and the interface face now, in parallel with the first API
// calls, rather than when the first Arabic glyph is laid out. The other faces load when chosen.
void document.fonts.load('400 20px "Noto Naskh Arabic"', 'ب');
void document.fonts.load('700 20px "Noto Naskh Arabic"', 'ب');
void document.fonts.load('400 16px "Noto Sans Arabic"', 'ب');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
