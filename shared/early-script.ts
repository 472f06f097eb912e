/**
 * The page's first script, inlined at the top of index.html by the build (electron.vite.config.ts) and
 * allowed by its hash in the Content-Security-Policy (main/app/csp.ts). It runs while the page's head is
 * being parsed, before the stylesheet and the entry have arrived. It preloads the faces the first screen
 * is drawn in (`FACE_FILES`), and asks main, through the bridge the preload exposes, for what the first
 * screen shows: the settings, and the article or the library the address names. The entry
 * (renderer/src/early-calls.ts) asks for the same things; `callEarly` (renderer/src/api.ts) takes these
 * answers, already travelling, instead of asking again. Without it (a page opened without the build's
 * head, as in the component tests) the entry asks itself, ~30 ms later.
 * See docs/ARCHITECTURE.md, "Opening fast".
 *
 * Plain JavaScript in a string, as its hash must be that of the exact text in the page: written once here,
 * tested by running it (early-script.test.ts) and in the browser under the real policy (test/e2e).
 */

/** The calls the first screen needs, which may be started before anything asks for them. */
export type EarlyMethod = 'openArticle' | 'getSettings' | 'listArticles';

/** How an early call is known: its method and its input, as sent. */
export const earlyKey = (method: EarlyMethod, input: unknown): string => `${method}:${JSON.stringify(input)}`;

/** An article's address: `#/article/ID`, or `#/article/ID@START-END` with a passage to bring into view. */
export const ARTICLE_HASH = /^#\/article\/([A-Za-z0-9_-]{1,64})(?:@(\d{1,10})-(\d{1,10}))?$/;

/** The pages named by `#/NAME` other than the library: nothing asked for early beyond the settings. */
export const OTHER_PAGES = ['trash', 'backups', 'search', 'highlights', 'review', 'conflicts'] as const;

/**
 * The faces' files the script preloads, in the order the built page names them, by their hashed names, in
 * a meta tag above the script (`FACES_META`, electron.vite.config.ts): the reading face, then the
 * interface's, each regular and bold. Each file holds its face's Arabic and Latin letters, digits and
 * punctuation (renderer/src/faces/), so that a first screen in those faces needs no other file.
 */
export const FACE_FILES = [
  'noto-naskh-arabic-arabic-latin-400-normal.woff2',
  'noto-naskh-arabic-arabic-latin-700-normal.woff2',
  'noto-sans-arabic-arabic-latin-400-normal.woff2',
  'noto-sans-arabic-arabic-latin-700-normal.woff2',
] as const;

/** The name of the built page's meta tag that lists `FACE_FILES`. */
export const FACES_META = 'hamish-faces';

/** The name under which the script leaves its calls for the entry (a `Map` from `earlyKey` to promise). */
export const EARLY_CALLS_GLOBAL = 'hamishEarlyCalls';

/**
 * The script. An article's address asks for the article; the library's, and none that the app knows (the
 * start, which opens the article read last), for the list. (The library's list was left to the entry
 * while the entry drew the library's first screen: 500 articles' list, answered this early, came in, and
 * was parsed on the page's one thread, while the entry was arriving, and held the drawing back. The page's
 * own script draws it now, as soon as the list is in: first-screen/in-page.ts.) A bridge that throws gives
 * a failed result, as `call` would, so that the entry never meets a rejected promise.
 *
 * The faces: for an article (and at start, which opens one), the reading face, regular and bold. The
 * first screen's text is drawn in them; its frame's blank controls hold no text, and the entry asks for
 * the interface's face once that screen is painted. For the library and the other pages, which draw the
 * interface only, the interface's face, regular and bold. (The reading face was asked for at low priority
 * while the first screen waited for the stylesheet and the entry, which it was then fetched ahead of.
 * Since the page draws that screen itself, with the stylesheet written into it (first-screen/in-page.ts),
 * the screen could come before the bold file at low priority, and the headings moved when it came.)
 * The faces are asked for once the calls have left: asked for before them, at a server with few
 * connections (the bench's), the article came out ~0.05x higher (1.40x -> 1.44x, means of five A/Bs).
 * Each face is one file since the faces' Arabic and Latin files were merged (renderer/src/faces/): two
 * requests for an article where there were three, and its text in its faces in the first frame; two for
 * the library where there were four (docs/ARCHITECTURE.md, "Opening fast").
 *
 * On the library's page it also makes a number and a date format, in a task of its own after this one:
 * the first of each that a page makes costs ICU's set-up (measured in Chromium: 11-20 ms for the first
 * number format, in any language, then ~0.1 ms; 1.5-3 ms for the first date format), and the library's
 * first screen formats every card's count and date. Made here, that set-up runs while the page waits for
 * the stylesheet and the entry, not inside the drawing: the library of 500 came out at 1.44-1.47x the
 * minimal page against 1.54-1.58x without it (means of three A/B runs of 60-80). Made from the entry, as
 * it waits for the list, it did not help (1.58x). An article's first screen formats neither.
 */
export const EARLY_SCRIPT = `(() => {
  const hash = window.location.hash;
  const article = ${ARTICLE_HASH.toString()}.exec(hash);
  const page = /^#\\/([a-z]+)$/.exec(hash);
  const library = page !== null && page[1] === 'library';
  const interfaceOnly = page !== null && ${JSON.stringify(['library', ...OTHER_PAGES])}.includes(page[1]);
  const preloadFaces = () => {
    const named = document.querySelector('meta[name="${FACES_META}"]');
    const [reading, readingBold, ui, uiBold] = named ? named.content.split(' ') : [];
    for (const href of interfaceOnly ? [ui, uiBold] : [reading, readingBold]) {
      if (!href) continue;
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'font';
      link.type = 'font/woff2';
      link.crossOrigin = 'anonymous';
      link.href = href;
      document.head.appendChild(link);
    }
  };
  const api = window.hamish;
  if (!api) return preloadFaces();
  const calls = new Map();
  const ask = (method, input) =>
    calls.set(
      method + ':' + JSON.stringify(input),
      Promise.resolve()
        .then(() => api[method](input))
        .catch((error) => ({ ok: false, error: { code: 'internal', message: String(error) } })),
    );
  ask('getSettings', {});
  if (article) ask('openArticle', { id: article[1] });
  else if (library || !interfaceOnly) ask('listArticles', {});
  window.${EARLY_CALLS_GLOBAL} = calls;
  // After the calls, which leave in the promises' callbacks queued above.
  Promise.resolve().then(preloadFaces);
  if (library)
    setTimeout(() => {
      new Intl.NumberFormat();
      new Intl.DateTimeFormat();
    });
})();`;
