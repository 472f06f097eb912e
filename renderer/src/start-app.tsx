/**
 * React and the app, loaded by main.tsx once it has asked main for the first screen's data (and drawn an
 * article's first screen from it): the first commit replaces that drawing with the reader.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
