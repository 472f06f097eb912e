import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FACES_META } from '../../shared/early-script';
import { START_APP_META } from './start-app-meta';

/** Answers held back until the test lets them through, method by method. */
let release: Record<string, () => void>;

const preloads = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) =>
    link.getAttribute('href'),
  );

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.resetModules();
  release = {};
  const held = (method: string, value: unknown) => () =>
    new Promise((resolve) => (release[method] = () => resolve({ ok: true, value })));
  Object.defineProperty(window, 'hamish', {
    configurable: true,
    value: {
      getSettings: held('getSettings', { settings: {}, reset: [] }),
      openArticle: held('openArticle', { id: 'a', blocks: [] }),
      listArticles: held('listArticles', []),
    },
  });
  const meta = document.createElement('meta');
  meta.name = START_APP_META;
  meta.content = './assets/start-app.js ./assets/react-dom.js';
  document.head.appendChild(meta);
});
afterEach(() => {
  Reflect.deleteProperty(window, 'hamish');
  document.head.replaceChildren();
  window.location.hash = '';
});

describe('early-calls', () => {
  it("leaves the interface's code on an article to be fetched after the first screen is painted", async () => {
    window.location.hash = '#/article/a';
    await import('./early-calls');
    await settle();
    expect(Object.keys(release).sort()).toEqual(['getSettings', 'openArticle']);
    // Fetched with the answers, its bytes would hold them back; fetched as they arrive, its evaluation
    // would hold back the drawing (main.tsx loads it once the first screen is painted).
    release.openArticle?.();
    release.getSettings?.();
    await settle();
    expect(preloads()).toEqual([]);
  });

  it('asks for the library at start, where the article to open is chosen from it', async () => {
    window.location.hash = '';
    await import('./early-calls');
    expect(Object.keys(release).sort()).toEqual(['getSettings', 'listArticles']);
    expect(preloads()).toEqual([]);
  });

  it('fetches it at once where React draws the first screen', async () => {
    window.location.hash = '#/search';
    await import('./early-calls');
    expect(Object.keys(release).sort()).toEqual(['getSettings']);
    expect(preloads()).toEqual(['./assets/start-app.js', './assets/react-dom.js']);
  });

  it("fetches the interface's face, regular and bold, once, unless the first script already asked for it", async () => {
    const faces = document.createElement('meta');
    faces.name = FACES_META;
    faces.content =
      './assets/naskh-400.woff2 ./assets/naskh-700.woff2 ./assets/sans-400.woff2 ./assets/sans-700.woff2';
    document.head.appendChild(faces);
    const asked = document.createElement('link');
    asked.rel = 'preload';
    asked.setAttribute('href', './assets/sans-700.woff2');
    document.head.appendChild(asked);
    const fonts = () =>
      [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')].map((link) => [
        link.getAttribute('href'),
        link.getAttribute('as'),
        link.getAttribute('crossorigin'),
      ]);
    const { preloadInterfaceFaces } = await import('./early-calls');
    preloadInterfaceFaces();
    preloadInterfaceFaces();
    expect(fonts()).toEqual([
      ['./assets/sans-700.woff2', null, null],
      ['./assets/sans-400.woff2', 'font', 'anonymous'],
    ]);
  });
});
