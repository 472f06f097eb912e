import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

  it("loads the interface's face, regular and bold, through the page's font faces", async () => {
    document.documentElement.style.setProperty('--ui-font', "'Noto Sans Arabic', sans-serif");
    const asked: string[] = [];
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { load: (font: string) => (asked.push(font), Promise.resolve([])) },
    });
    try {
      const { loadInterfaceFaces } = await import('./early-calls');
      await loadInterfaceFaces();
      expect(asked).toEqual([
        "400 1em 'Noto Sans Arabic', sans-serif",
        "700 1em 'Noto Sans Arabic', sans-serif",
      ]);
      // A face that fails to load leaves React to draw without it: the promise still settles.
      Object.defineProperty(document, 'fonts', {
        configurable: true,
        value: { load: () => Promise.reject(new Error('no face')) },
      });
      await expect(loadInterfaceFaces()).resolves.toBeUndefined();
    } finally {
      Reflect.deleteProperty(document, 'fonts');
      document.documentElement.style.removeProperty('--ui-font');
    }
  });
});
