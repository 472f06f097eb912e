/**
 * React and the app, loaded by main.tsx once the first screen's data has been asked for (and an article's
 * first screen drawn from it, by the page's own script or the entry): the first commit replaces that
 * drawing with the reader.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { interfaceFont, loadFacesWithin } from './faces/load-faces';

/**
 * How long React's first render waits for the interface's face. An article's first screen is drawn
 * without it, and main.tsx asks for it once that screen is painted; React's labels drawn before it came
 * would change face, their letters moving by a few pixels, as it came. Past this, React draws anyway.
 */
const INTERFACE_FACE_WAIT_MS = 200;

/** Settles once the interface's face, regular and bold, is in, or has failed, or after the wait. */
function interfaceFace(): Promise<unknown> {
  return loadFacesWithin(interfaceFont(), INTERFACE_FACE_WAIT_MS);
}

const root = document.getElementById('root');
if (root) {
  void interfaceFace().then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
