import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import './reader/reader.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Start fetching the Arabic faces now, in parallel with the first API calls, rather than when the first
// Arabic glyph is laid out.
void document.fonts.load('400 20px "Noto Naskh Arabic"', 'ب');
void document.fonts.load('700 20px "Noto Naskh Arabic"', 'ب');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
