import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_CALLS_GLOBAL, EARLY_SCRIPT, FACES_META } from '../../shared/early-script';

/** The bridge's calls, in order, and what each answers. */
let asked: string[];

function fakeBridge(answer: (method: string) => unknown = () => ({ ok: true, value: 'answer' })) {
  const bridge = Object.fromEntries(
    ['getSettings', 'openArticle', 'listArticles'].map((method) => [
      method,
      (input: unknown) => {
        asked.push(`${method} ${JSON.stringify(input)}`);
        return Promise.resolve(answer(method));
      },
    ]),
  );
  Object.defineProperty(window, 'hamish', { configurable: true, value: bridge });
}

/** Runs the page's first script as the page does: as a script of its own, at the top level. */
const runScript = (): void => {
  new Function(EARLY_SCRIPT)();
};

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.resetModules();
  asked = [];
});
afterEach(() => {
  Reflect.deleteProperty(window, 'hamish');
  Reflect.deleteProperty(window, EARLY_CALLS_GLOBAL);
  window.location.hash = '';
});

describe("the page's first script", () => {
  const ARTICLE = ['getSettings {}', 'openArticle {"id":"abc"}'];
  // At the start and on the library.
  const START = ['getSettings {}', 'listArticles {}'];
  const SETTINGS = ['getSettings {}'];
  // What the script asks for at each address, and then what the entry adds (early-calls.ts): nothing
  // twice, and together what the entry alone asks for.
  it.each([
    { hash: '#/article/abc', script: ARTICLE },
    { hash: '#/article/abc@10-25', script: ARTICLE },
    { hash: '#/article/abc@9-3', script: ARTICLE },
    { hash: '', script: START },
    { hash: '#/nope', script: START },
    { hash: '#/article/../x', script: START },
    // The library's list, which the page's own script draws (first-screen/in-page.ts).
    { hash: '#/library', script: START },
    ...['search', 'trash', 'backups', 'highlights', 'review', 'conflicts'].map((page) => ({
      hash: `#/${page}`,
      script: SETTINGS,
    })),
  ])('asks for $script at $hash, and the entry asks for nothing twice', async ({ hash, script }) => {
    window.location.hash = hash;
    fakeBridge();
    await import('./early-calls');
    await settle();
    const byEntryAlone = [...asked].sort();
    Reflect.deleteProperty(window, 'hamish');

    vi.resetModules();
    asked = [];
    fakeBridge();
    runScript();
    await settle();
    expect([...asked].sort()).toEqual(script);
    await import('./early-calls');
    await settle();
    expect([...asked].sort()).toEqual(byEntryAlone);
    expect(window[EARLY_CALLS_GLOBAL]?.size).toBe(0);
  });

  it("gives the entry the script's answers", async () => {
    window.location.hash = '#/article/abc';
    fakeBridge((method) => ({ ok: true, value: `${method} from the script` }));
    runScript();
    const { callOnce } = await import('./api');
    await import('./early-calls');
    await expect(callOnce('openArticle', { id: 'abc' })).resolves.toEqual({
      ok: true,
      value: 'openArticle from the script',
    });
    expect(asked).toEqual(['getSettings {}', 'openArticle {"id":"abc"}']);
  });

  it('turns a bridge that throws into a failed result, as the entry would', async () => {
    window.location.hash = '';
    Object.defineProperty(window, 'hamish', {
      configurable: true,
      value: {
        getSettings: () => {
          throw new Error('bridge gone');
        },
        listArticles: () => Promise.reject(new Error('main gone')),
      },
    });
    runScript();
    const calls = window[EARLY_CALLS_GLOBAL];
    await expect(calls?.get('getSettings:{}')).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Error: bridge gone' },
    });
    await expect(calls?.get('listArticles:{}')).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Error: main gone' },
    });
  });

  it("makes a number and a date format after it has run on the library's page, and on no other", async () => {
    const { NumberFormat, DateTimeFormat } = Intl;
    const made: string[] = [];
    const counted = <T extends object>(constructor: T, name: string): T =>
      new Proxy(constructor, {
        construct: (target, args, newTarget) => {
          made.push(name);
          return Reflect.construct(target as new (...args: unknown[]) => object, args, newTarget) as object;
        },
      });
    Intl.NumberFormat = counted(NumberFormat, 'number');
    Intl.DateTimeFormat = counted(DateTimeFormat, 'date');
    try {
      for (const hash of ['#/library', '#/article/abc', '', '#/search']) {
        made.length = 0;
        window.location.hash = hash;
        fakeBridge();
        runScript();
        expect(made).toEqual([]);
        await settle();
        expect(made, hash).toEqual(hash === '#/library' ? ['number', 'date'] : []);
      }
    } finally {
      Intl.NumberFormat = NumberFormat;
      Intl.DateTimeFormat = DateTimeFormat;
    }
  });

  it('preloads the faces the page it opens on draws first, named by the built page, once its calls have left', async () => {
    const named = document.createElement('meta');
    named.name = FACES_META;
    named.content = 'reading reading-bold ui ui-bold';
    document.head.append(named);
    const links = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')];
    const preloads = () =>
      links().map((link) => {
        expect([link.as, link.type, link.crossOrigin]).toEqual(['font', 'font/woff2', 'anonymous']);
        return `${link.getAttribute('href') ?? ''}${link.fetchPriority === 'low' ? ' (low)' : ''}`;
      });
    const clear = () => links().forEach((link) => link.remove());
    try {
      for (const [hash, faces] of [
        ['#/library', ['ui', 'ui-bold']],
        ['#/article/abc', ['reading', 'reading-bold']],
        ['#/article/abc@10-20', ['reading', 'reading-bold']],
        ['', ['reading', 'reading-bold']],
        ['#/search', ['ui', 'ui-bold']],
        ['#/highlights', ['ui', 'ui-bold']],
      ] as const) {
        window.location.hash = hash;
        // With the bridge: the calls leave first (at a server with few connections, the faces' requests
        // ahead of them held the article back), and the faces are preloaded just after.
        let preloadedBeforeCalls = -1;
        fakeBridge(() => {
          preloadedBeforeCalls = Math.max(preloadedBeforeCalls, links().length);
          return { ok: true, value: 'answer' };
        });
        runScript();
        await settle();
        expect(preloadedBeforeCalls, hash).toBe(0);
        expect(preloads(), hash).toEqual(faces);
        clear();
        // Without it, at once.
        Reflect.deleteProperty(window, 'hamish');
        runScript();
        expect(preloads(), hash).toEqual(faces);
        clear();
      }
      // A page built without the names (the component tests' page) preloads nothing.
      named.remove();
      window.location.hash = '#/library';
      fakeBridge();
      runScript();
      await settle();
      expect(preloads()).toEqual([]);
    } finally {
      named.remove();
      clear();
    }
  });

  it('does nothing without a bridge, and the entry then asks itself', async () => {
    window.location.hash = '#/article/abc';
    expect(runScript).not.toThrow();
    expect(window[EARLY_CALLS_GLOBAL]).toBeUndefined();
    fakeBridge();
    await import('./early-calls');
    expect(asked.sort()).toEqual(['getSettings {}', 'openArticle {"id":"abc"}']);
  });
});
